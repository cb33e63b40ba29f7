// GET /v1/ops/topics, for the OpenAPI document.
import { ApiProperty } from '@nestjs/swagger';

export class TopicPartitionBody {
  @ApiProperty() partition: number;
  @ApiProperty({ nullable: true, type: Number, description: 'the broker leading the partition' }) leader: number | null;
  @ApiProperty({ example: '0', description: 'first offset still kept' }) low: string;
  @ApiProperty({ example: '1280', description: 'end offset (the next message gets it)' }) high: string;
  @ApiProperty({ description: 'messages kept: high - low' }) messages: number;
}

export class TopicBody {
  @ApiProperty({ example: 'cbec.platform.inbound' }) topic: string;
  @ApiProperty({ type: [TopicPartitionBody] }) partitions: TopicPartitionBody[];
  @ApiProperty({ description: 'end offsets summed over the partitions' }) endOffset: number;
  @ApiProperty({ description: 'messages kept, summed over the partitions' }) messages: number;
  @ApiProperty({ nullable: true, type: Number, description: 'messages appended per second over about the last 10 s; null until the gateway has an earlier reading' }) ratePerSecond: number | null;
}

export class GroupPartitionLagBody {
  @ApiProperty() topic: string;
  @ApiProperty() partition: number;
  @ApiProperty({ nullable: true, type: String, description: 'committed offset; null when the group has committed none there' }) committed: string | null;
  @ApiProperty({ description: 'end offset of the partition' }) end: string;
  @ApiProperty() lag: number;
}

export class ConsumerGroupBody {
  @ApiProperty({ example: 'cbec.order' }) consumerGroup: string;
  @ApiProperty({ description: 'one of the system\'s own groups' }) system: boolean;
  @ApiProperty({ example: 'Stable', description: 'the broker\'s group state: Stable, Empty, PreparingRebalance, Dead...' }) state: string;
  @ApiProperty({ description: 'consumers in the group now' }) members: number;
  @ApiProperty({ nullable: true, type: Number, description: 'messages not yet consumed; null when the broker could not say' }) lag: number | null;
  @ApiProperty({ nullable: true, enum: ['GROWING', 'SHRINKING', 'STEADY'], description: 'the lag against about 10 s ago; null until the gateway has an earlier reading' }) lagTrend: string | null;
  @ApiProperty({ type: [GroupPartitionLagBody] }) partitions: GroupPartitionLagBody[];
}

export class ClusterViewBody {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'false when the broker did not answer (everything else is then empty)' }) brokerAvailable: boolean;
  @ApiProperty({ type: [TopicBody] }) topics: TopicBody[];
  @ApiProperty({ type: [ConsumerGroupBody], description: 'the system\'s groups first' }) consumerGroups: ConsumerGroupBody[];
}
