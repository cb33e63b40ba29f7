// An order the gateway accepted over REST: what it remembers to answer a re-send (same content:
// 202; different content: 409, unless intake rejected the order).
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'accepted_order' })
export class AcceptedOrder {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  /** Canonical JSON hash of the order-placed data (placement.rule.ts). */
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  /** The order-placed event the gateway published for it. */
  @Column({ name: 'event_id', type: 'text' }) eventId: string;
  @Column({ name: 'accepted_at', type: 'timestamptz' }) acceptedAt: Date;
}
