// GET /v1/clearances/{platformId}/{orderId} and GET /v1/clearances (CONTRACT 5): the read model.
import { Controller, Get, Param, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiParam, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CLEARANCE_MODELS, CLEARANCE_STATUSES } from '@cbec/contracts';
import { ErrorBody } from '@cbec/http-edge';
import type { Principal } from '@cbec/http-edge';
import { ApiKeyGuard, CurrentPrincipal } from '@cbec/http-edge';
import { BadRequestWithDetails } from '@cbec/http-edge';
import { ClearanceQueries } from './clearance-queries.service';
import { ClearanceListBody, ClearanceViewBody } from './clearance-view.dto';
import { DEFAULT_LIMIT, MAX_LIMIT, parseListQuery } from './list-query.rule';
import { unknownOrder } from './submit-platform-request.service';

@ApiTags('clearances')
@ApiBearerAuth()
@Controller('v1/clearances')
@UseGuards(ApiKeyGuard)
@ApiUnauthorizedResponse({ type: ErrorBody, description: 'no key, or an unknown one' })
export class ClearancesController {
  constructor(private readonly clearances: ClearanceQueries) {}

  @Get(':platformId/:orderId')
  @ApiOperation({ summary: 'The clearance view of one order and its timeline', description: 'A platform key sees its own platform\'s orders only; another platform\'s order is 404.' })
  @ApiParam({ name: 'platformId', example: 'tmall-global' })
  @ApiParam({ name: 'orderId', example: 'TG20261111000123' })
  @ApiOkResponse({ type: ClearanceViewBody })
  @ApiNotFoundResponse({ type: ErrorBody, description: 'unknown order, or another platform\'s' })
  async view(@CurrentPrincipal() principal: Principal, @Param('platformId') platformId: string, @Param('orderId') orderId: string): Promise<ClearanceViewBody> {
    const view = await this.clearances.find(principal, { platformId, orderId });
    if (!view) throw unknownOrder({ platformId, orderId });
    return view;
  }

  @Get()
  @ApiOperation({ summary: 'Clearance views, newest first, a page at a time', description: 'A platform key lists its own platform\'s orders only (a platformId filter naming another platform lists nothing).' })
  @ApiQuery({ name: 'status', required: false, enum: CLEARANCE_STATUSES })
  @ApiQuery({ name: 'model', required: false, enum: CLEARANCE_MODELS })
  @ApiQuery({ name: 'platformId', required: false, type: String, example: 'tmall-global' })
  @ApiQuery({ name: 'orderId', required: false, type: String, description: 'order ids starting with this', example: 'TG2026' })
  @ApiQuery({ name: 'createdFrom', required: false, schema: { type: 'string', format: 'date-time' }, description: 'orders created at or after this time' })
  @ApiQuery({ name: 'createdTo', required: false, schema: { type: 'string', format: 'date-time' }, description: 'orders created before this time' })
  @ApiQuery({ name: 'stuckForMs', required: false, schema: { type: 'integer', minimum: 0 }, description: 'only orders not COMPLETED or REJECTED whose last change is at least this old' })
  @ApiQuery({ name: 'cursor', required: false, type: String, description: 'the nextCursor of the previous page (opaque)' })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, description: `page size, 1 to ${MAX_LIMIT}` })
  @ApiOkResponse({ type: ClearanceListBody })
  @ApiBadRequestResponse({ type: ErrorBody, description: 'a bad query parameter, named in details' })
  async list(@CurrentPrincipal() principal: Principal, @Query() raw: Record<string, unknown>): Promise<ClearanceListBody> {
    const { query, errors } = parseListQuery(raw);
    if (!query) throw new BadRequestWithDetails('invalid list query', errors);
    return this.clearances.list(principal, query);
  }
}
