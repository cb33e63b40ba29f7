// GET /v1/ops/clearances/{platformId}/{orderId}/particulars (ops key): what the console's order
// page shows beside the clearance view: consignee, payment, logistics, items and documents, with
// ID numbers and phones masked.
import { Controller, Get, NotFoundException, Param, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { IDENTIFIER_PATTERN } from '@cbec/contracts';
import { ErrorBody } from '@cbec/http-edge';
import { ApiKeyGuard, OpsOnly } from '@cbec/http-edge';
import { ClearanceViewQueries } from '../clearance-view.queries';
import { OrderParticularsBody } from './particulars.dto';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops/clearances')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class ParticularsController {
  constructor(private readonly clearances: ClearanceViewQueries) {}

  @Get(':platformId/:orderId/particulars')
  @ApiOperation({ summary: 'An order\'s consignee, payment, logistics, items and documents, ID numbers and phones masked (ops key)' })
  @ApiOkResponse({ type: OrderParticularsBody })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiForbiddenResponse({ type: ErrorBody })
  @ApiNotFoundResponse({ type: ErrorBody })
  async particulars(@Param('platformId') platformId: string, @Param('orderId') orderId: string): Promise<OrderParticularsBody> {
    const found = IDENTIFIER_PATTERN.test(platformId) && IDENTIFIER_PATTERN.test(orderId) ? await this.clearances.particulars(platformId, orderId) : undefined;
    if (!found) throw new NotFoundException(`no order ${platformId}/${orderId}`);
    return { platformId, orderId, particulars: found.particulars as OrderParticularsBody['particulars'] };
  }
}
