// GET /v1/ops/overview (ops key): counts by status and model, throughput, after-sale counts,
// consumer lag per group and dead letters, in one call for the ops page.
import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiKeyGuard, OpsOnly } from '../../http/auth.guard';
import { ErrorBody } from '../../docs/error-body.dto';
import { ClearanceViewQueries } from '../clearance-view.queries';
import { DeadLetterViews } from '../dead-letters/dead-letter-views';
import { ConsumerLag } from './consumer-lag';
import { OverviewBody } from './overview.dto';

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops/overview')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class OverviewController {
  constructor(
    private readonly clearances: ClearanceViewQueries,
    private readonly lag: ConsumerLag,
    private readonly deadLetters: DeadLetterViews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Counts, throughput, cancellations and returns, consumer lag and dead letters (ops key)' })
  @ApiOkResponse({ type: OverviewBody })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiForbiddenResponse({ type: ErrorBody })
  async overview(): Promise<OverviewBody> {
    const [orders, throughput, afterSale, consumerLag, notReplayed] = await Promise.all([
      this.clearances.counts(),
      this.clearances.throughput(),
      this.clearances.afterSale(),
      this.lag.ofEveryGroup(),
      this.deadLetters.countNotReplayed(),
    ]);
    return { at: new Date().toISOString(), orders, throughput, afterSale, consumerLag: consumerLag.map(({ consumerGroup, lag, topics }) => ({ consumerGroup, lag, topics })), deadLetters: { count: notReplayed } };
  }
}
