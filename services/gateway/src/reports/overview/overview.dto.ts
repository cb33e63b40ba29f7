// GET /v1/ops/overview, for the OpenAPI document.
import { ApiProperty } from '@nestjs/swagger';
import { DeadLetterCountBody, GroupLagBody } from '@cbec/http-edge';

export class OrderCountsBody {
  @ApiProperty() total: number;
  @ApiProperty({ example: { COMPLETED: 12, HELD_FOR_REVIEW: 1 }, additionalProperties: { type: 'integer' } }) byStatus: Record<string, number>;
  @ApiProperty({ example: { DIRECT_MAIL: 5, GENERAL_TRADE: 4, BONDED_ZONE: 4 }, additionalProperties: { type: 'integer' } }) byModel: Record<string, number>;
}

export class AfterSaleCountsBody {
  @ApiProperty({ description: 'orders CANCELLED by their platform' }) cancelled: number;
  @ApiProperty({ description: 'orders RETURNED: every unit came back' }) returned: number;
  @ApiProperty({ description: 'returns accepted whose goods are not back yet' }) returnsAccepted: number;
  @ApiProperty({ description: 'returns whose goods are back, refunded' }) returnsCompleted: number;
}

export class ThroughputBody {
  @ApiProperty({ description: 'orders that reached COMPLETED in the last minute' }) completedLastMinute: number;
  @ApiProperty({ description: 'orders that reached COMPLETED in the last hour' }) completedLastHour: number;
  @ApiProperty({ description: 'orders received in the last minute' }) receivedLastMinute: number;
}

export class OverviewBody {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: OrderCountsBody }) orders: OrderCountsBody;
  @ApiProperty({ type: ThroughputBody }) throughput: ThroughputBody;
  @ApiProperty({ type: AfterSaleCountsBody, description: 'cancellations and returns (CONTRACT 7)' }) afterSale: AfterSaleCountsBody;
  @ApiProperty({ type: [GroupLagBody] }) consumerLag: GroupLagBody[];
  @ApiProperty({ type: DeadLetterCountBody }) deadLetters: DeadLetterCountBody;
}
