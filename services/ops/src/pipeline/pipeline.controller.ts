// GET /v1/ops/pipeline (ops key): the system's consumer groups' lag and the dead letters nobody has
// replayed, the part of the overview that the ops service knows (the gateway's overview report
// adds the order counts from its read model).
import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ApiKeyGuard, DeadLetterCountBody, ErrorBody, GroupLagBody, OpsOnly } from '@cbec/http-edge';
import { ConsumerLag } from '../cluster/consumer-lag';
import { DeadLetterViews } from '../dead-letters/dead-letter-views';

export class PipelineBody {
  @ApiProperty({ type: [GroupLagBody] }) consumerLag: GroupLagBody[];
  @ApiProperty({ type: DeadLetterCountBody }) deadLetters: DeadLetterCountBody;
}

@ApiTags('ops')
@ApiBearerAuth()
@Controller('v1/ops/pipeline')
@UseGuards(ApiKeyGuard)
@OpsOnly()
export class PipelineController {
  constructor(
    private readonly lag: ConsumerLag,
    private readonly deadLetters: DeadLetterViews,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Consumer lag per group and dead letters not replayed (ops key)' })
  @ApiOkResponse({ type: PipelineBody })
  @ApiUnauthorizedResponse({ type: ErrorBody })
  @ApiForbiddenResponse({ type: ErrorBody })
  async read(): Promise<PipelineBody> {
    const [consumerLag, notReplayed] = await Promise.all([this.lag.ofEveryGroup(), this.deadLetters.countNotReplayed()]);
    return { consumerLag: consumerLag.map(({ consumerGroup, lag, topics }) => ({ consumerGroup, lag, topics })), deadLetters: { count: notReplayed } };
  }
}
