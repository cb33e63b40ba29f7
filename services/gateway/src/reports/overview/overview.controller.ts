// GET /v1/ops/overview (ops key): counts by status and model, throughput, after-sale counts,
// consumer lag per group and dead letters (those two from the ops service), in one call for the ops page.
import { Controller, Get, Headers, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiKeyGuard, OpsOnly } from '@cbec/http-edge';
import { ErrorBody } from '@cbec/http-edge';
import { ClearanceViewQueries } from '../clearance-view.queries';
import { OpsPipelineClient } from '../../forward-to-services/ops-pipeline';
import { OverviewBody } from './overview.dto';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops/overview')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class OverviewController {
  constructor(
    private readonly clearances: ClearanceViewQueries,
    private readonly ops: OpsPipelineClient,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Counts, throughput, cancellations and returns, consumer lag and dead letters (ops key)' })
  @ApiOkResponse({ type: OverviewBody })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiForbiddenResponse({ type: ErrorBody })
  async overview(@Headers('authorization') authorization: string): Promise<OverviewBody> {
    const [orders, throughput, afterSale, pipeline] = await Promise.all([this.clearances.counts(), this.clearances.throughput(), this.clearances.afterSale(), this.ops.read(authorization)]);
    return { at: new Date().toISOString(), orders, throughput, afterSale, consumerLag: pipeline.consumerLag, deadLetters: pipeline.deadLetters };
  }
}
