// The dead letters of every consumer group of the system, as their services announce them
// (OPS_EVENTS.messageDeadLettered), and whether ops have replayed them.
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Dead letters are identified by UUIDs (libs/messaging DeadLetterStore). */
export const DEAD_LETTER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Entity({ name: 'dead_letter_view' })
export class DeadLetterView {
  @PrimaryColumn({ type: 'uuid' }) id: string;
  @Column({ name: 'consumer_group', type: 'text' }) consumerGroup: string;
  @Column({ type: 'text' }) topic: string;
  @Column({ type: 'int' }) partition: number;
  @Column({ type: 'text' }) offset: string;
  @Column({ type: 'text', nullable: true }) key: string | null;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'int' }) attempts: number;
  @Column({ name: 'dead_at', type: 'timestamptz' }) deadAt: Date;
  /** The original value as text, cut at 64 KiB by the announcing service. */
  @Column({ type: 'text' }) payload: string;
  @Column({ name: 'replayed_at', type: 'timestamptz', nullable: true }) replayedAt: Date | null;
  @Column({ name: 'replay_count', type: 'int', default: 0 }) replayCount: number;
}
