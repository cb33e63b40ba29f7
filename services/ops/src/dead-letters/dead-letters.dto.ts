// A dead letter as GET /v1/ops/dead-letters lists it (CONTRACT 5), for the OpenAPI document.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeadLetterItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'cbec.order' }) consumerGroup: string;
  @ApiProperty({ example: 'cbec.platform.inbound' }) topic: string;
  @ApiProperty() partition: number;
  @ApiProperty({ example: '42' }) offset: string;
  @ApiProperty({ nullable: true, type: String }) key: string | null;
  @ApiProperty({ example: 'value is not valid JSON' }) reason: string;
  @ApiProperty({ description: 'handler attempts before it was dead-lettered; 0 when it could not be read' }) attempts: number;
  @ApiProperty({ format: 'date-time' }) deadAt: string;
  @ApiProperty({ description: 'the original value as text, cut at 64 KiB' }) payload: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'when ops last replayed it' }) replayedAt: string | null;
  @ApiProperty() replayCount: number;
}

export class DeadLetterPage {
  @ApiProperty({ type: [DeadLetterItem] }) items: DeadLetterItem[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as cursor for the next page; null on the last page' }) nextCursor: string | null;
}

export class DeadLetterQueryParams {
  @ApiPropertyOptional({ example: 'cbec.order' }) consumerGroup?: string;
  @ApiPropertyOptional({ example: 'not valid JSON', description: 'part of the reason, any case' }) reason?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 }) limit?: number;
  @ApiPropertyOptional() cursor?: string;
}

export class DeadLetterReasonCount {
  @ApiProperty({ example: 'cbec.order' }) consumerGroup: string;
  @ApiProperty({ example: 'value is not valid JSON' }) reason: string;
  @ApiProperty() count: number;
  @ApiProperty({ description: 'of them, not replayed yet' }) notReplayed: number;
  @ApiProperty({ format: 'date-time' }) lastDeadAt: string;
}

export class DeadLetterSummary {
  @ApiProperty({ type: [DeadLetterReasonCount], description: 'by consumer group and reason, the most recent first' }) reasons: DeadLetterReasonCount[];
}

export class ReplayOutcomeBody {
  @ApiProperty({ enum: ['NOT_REPLAYED', 'PENDING', 'PROCESSED', 'DEAD_LETTERED_AGAIN'], description: 'PROCESSED: its group consumed its topic to the end since the replay and did not dead-letter it again' }) state: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'the new dead letter, for DEAD_LETTERED_AGAIN' }) deadLetterId?: string;
  @ApiPropertyOptional({ description: 'why it failed again' }) reason?: string;
}

export class DeadLetterDetail extends DeadLetterItem {
  @ApiProperty({ type: ReplayOutcomeBody, description: 'what became of the last replay' }) replay: ReplayOutcomeBody;
}
