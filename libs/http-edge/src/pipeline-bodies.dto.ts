// The pipeline's state as ops calls answer it: consumer lag per group and the dead letters not
// replayed. The ops service answers it (GET /v1/ops/pipeline); the gateway's overview passes it on.
import { ApiProperty } from '@nestjs/swagger';

export class TopicLagBody {
  @ApiProperty() topic: string;
  @ApiProperty() lag: number;
}

export class GroupLagBody {
  @ApiProperty({ example: 'cbec.order' }) consumerGroup: string;
  @ApiProperty({ nullable: true, type: Number, description: 'messages not yet consumed; null when the broker could not say' }) lag: number | null;
  @ApiProperty({ type: [TopicLagBody] }) topics: TopicLagBody[];
}

export class DeadLetterCountBody {
  @ApiProperty({ description: 'dead letters not replayed yet' }) count: number;
}
