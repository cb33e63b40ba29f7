// An internal event that arrived before the step it follows: kept whole until the gap fills.
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CloudEvent } from '@cbec/messaging';

@Entity({ name: 'outbound_held_event' })
@Index('outbound_held_event_order', ['platformId', 'orderId', 'step'])
export class HeldEvent {
  @PrimaryColumn({ name: 'event_id' }) eventId: string;
  @Column({ name: 'platform_id' }) platformId: string;
  @Column({ name: 'order_id' }) orderId: string;
  @Column({ type: 'int' }) step: number;
  @Column({ type: 'text' }) type: string;
  /** The whole event as it arrived. */
  @Column({ type: 'jsonb' }) event: CloudEvent;
  @CreateDateColumn({ name: 'held_at', type: 'timestamptz' }) heldAt: Date;
}
