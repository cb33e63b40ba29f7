// GET /v1/ops/throughput, /v1/ops/funnel and /v1/ops/reasons (ops key): the flow of orders
// for the console's overview, from the read model.
import { Controller, Get, Query, UseGuards } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CLEARANCE_MODELS } from '@cbec/contracts';
import { ErrorBody } from '@cbec/http-edge';
import { ApiKeyGuard, OpsOnly } from '@cbec/http-edge';
import { BadRequestWithDetails } from '@cbec/http-edge';
import { FunnelBody, ReasonsBody, ThroughputSeriesBody } from './flow.dto';
import { FlowQueries } from './flow.queries';
import { readThroughputQuery, readWindowQuery, THROUGHPUT_MINUTES, WINDOW_HOURS } from './flow-query.rule';
import { funnelOf } from './funnel.rule';

const HOUR_MS = 3_600_000;

@ApiTags('ops')
@ApiBearerAuth()
@ApiUnauthorizedResponse({ type: ErrorBody })
@ApiForbiddenResponse({ type: ErrorBody, description: 'not the ops key' })
@ApiBadRequestResponse({ type: ErrorBody, description: 'a bad query parameter, named in details' })
@Controller('v1/ops')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class FlowController {
  constructor(private readonly flow: FlowQueries) {}

  @Get('throughput')
  @ApiOperation({ summary: 'Orders entering and completing per minute (ops key)' })
  @ApiQuery({ name: 'minutes', required: false, schema: { type: 'integer', minimum: 1, maximum: THROUGHPUT_MINUTES.max, default: THROUGHPUT_MINUTES.default } })
  @ApiOkResponse({ type: ThroughputSeriesBody })
  async throughput(@Query() raw: Record<string, unknown>): Promise<ThroughputSeriesBody> {
    const read = readThroughputQuery(raw);
    if (!read.ok) throw new BadRequestWithDetails('invalid throughput query', read.errors);
    return { at: new Date().toISOString(), minutes: read.query.minutes, series: await this.flow.perMinute(read.query.minutes) };
  }

  @Get('funnel')
  @ApiOperation({ summary: 'How many of the orders that entered in the window reached each step (ops key)' })
  @ApiQuery({ name: 'hours', required: false, schema: { type: 'integer', minimum: 1, maximum: WINDOW_HOURS.max, default: WINDOW_HOURS.default } })
  @ApiQuery({ name: 'model', required: false, enum: CLEARANCE_MODELS })
  @ApiOkResponse({ type: FunnelBody })
  async funnel(@Query() raw: Record<string, unknown>): Promise<FunnelBody> {
    const read = readWindowQuery(raw, true);
    if (!read.ok) throw new BadRequestWithDetails('invalid funnel query', read.errors);
    const since = new Date(Date.now() - read.query.hours * HOUR_MS);
    const { entered, reached, rejected } = await this.flow.reached(since, read.query.model);
    return { since: since.toISOString(), ...(read.query.model ? { model: read.query.model } : {}), entered, rejected, steps: funnelOf(read.query.model, reached, entered) };
  }

  @Get('reasons')
  @ApiOperation({ summary: 'Rejections and refusals in the window, by reason code (ops key)' })
  @ApiQuery({ name: 'hours', required: false, schema: { type: 'integer', minimum: 1, maximum: WINDOW_HOURS.max, default: WINDOW_HOURS.default } })
  @ApiOkResponse({ type: ReasonsBody })
  async reasons(@Query() raw: Record<string, unknown>): Promise<ReasonsBody> {
    const read = readWindowQuery(raw, false);
    if (!read.ok) throw new BadRequestWithDetails('invalid reasons query', read.errors);
    const since = new Date(Date.now() - read.query.hours * HOUR_MS);
    return { since: since.toISOString(), ...(await this.flow.reasons(since)) };
  }
}
