// One return of an order's goods (CONTRACT 7.3): what it asked back, where to and by when, and,
// once the goods are back, what it refunded and gave back to the consumer's annual total.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ReturnAddress, ReturnedItem, ReturnRefund, ReturnStatus } from '@cbec/contracts';

@Entity({ name: 'shipment_return' })
export class ShipmentReturn {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  @PrimaryColumn({ name: 'return_id' }) returnId: string;
  /** Canonical hash of the accepted return-requested data: a re-send is ignored, other content refused. */
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ type: 'jsonb' }) items: ReturnedItem[];
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'return_to', type: 'jsonb' }) returnTo: ReturnAddress;
  @Column({ name: 'return_by', type: 'timestamptz' }) returnBy: Date;
  @Column({ type: 'text' }) status: ReturnStatus;
  /** Canonical hash of the accepted return-received data. */
  @Column({ name: 'receipt_hash', type: 'text', nullable: true }) receiptHash: string | null;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @Column({ type: 'jsonb', nullable: true }) refund: ReturnRefund | null;
  @Column({ name: 'quota_given_back', type: 'numeric', nullable: true }) quotaGivenBack: string | null;
  @Column({ name: 'accepted_at', type: 'timestamptz' }) acceptedAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
