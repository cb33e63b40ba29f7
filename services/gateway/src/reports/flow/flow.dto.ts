// GET /v1/ops/throughput, /v1/ops/funnel, /v1/ops/reasons, for the OpenAPI document.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLEARANCE_MODELS, CLEARANCE_STATUSES } from '@cbec/contracts';

export class MinuteCountBody {
  @ApiProperty({ format: 'date-time', description: 'the start of the minute' }) minute: string;
  @ApiProperty({ description: 'orders that entered (became known) in the minute' }) entered: number;
  @ApiProperty({ description: 'orders that reached COMPLETED in the minute' }) completed: number;
}

export class ThroughputSeriesBody {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'minutes in the series' }) minutes: number;
  @ApiProperty({ type: [MinuteCountBody], description: 'oldest first, the current minute last; minutes with nothing are zero' }) series: MinuteCountBody[];
}

export class FunnelStepBody {
  @ApiProperty({ enum: CLEARANCE_STATUSES }) status: string;
  @ApiProperty({ description: 'orders that reached the status (and may have moved on since)' }) orders: number;
  @ApiProperty({ example: 0.75, description: 'orders / orders that entered' }) share: number;
  @ApiProperty({ description: 'not every order of the model passes this step' }) optional: boolean;
}

export class FunnelBody {
  @ApiProperty({ format: 'date-time', description: 'orders that entered since then are counted' }) since: string;
  @ApiPropertyOptional({ enum: CLEARANCE_MODELS }) model?: string;
  @ApiProperty() entered: number;
  @ApiProperty({ description: 'of them, orders now REJECTED' }) rejected: number;
  @ApiProperty({ type: [FunnelStepBody], description: 'in the order of CONTRACT 3' }) steps: FunnelStepBody[];
}

export class ReasonCountBody {
  @ApiProperty({ example: 'NOT_ON_POSITIVE_LIST' }) reasonCode: string;
  @ApiProperty() count: number;
}

export class ReasonsBody {
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ type: [ReasonCountBody], description: 'orders entering REJECTED, by reason code, most first' }) rejections: ReasonCountBody[];
  @ApiProperty({ type: [ReasonCountBody], description: 'refused platform requests, by reason code, most first' }) refusals: ReasonCountBody[];
}
