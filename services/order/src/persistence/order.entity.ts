// An order as intake saw it: the accepted (or rejected) content and the outcome.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ClearanceModel, FieldError, RejectionReason } from '@cbec/contracts';

export type IntakeOutcome = 'CONFIRMED' | 'REJECTED';

@Entity({ name: 'intake_order' })
export class IntakeOrder {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  @Column({ type: 'text' }) outcome: IntakeOutcome;
  @Column({ name: 'clearance_model', type: 'text', nullable: true }) clearanceModel: ClearanceModel | null;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode: RejectionReason | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) details: FieldError[];
  /** SHA-256 of the canonical JSON of the order data: same content, same hash. */
  @Column({ name: 'content_hash', type: 'text' }) contentHash: string;
  @Column({ type: 'jsonb' }) data: unknown;
  /** The step of the last event intake emitted for this order (ordering across topics). */
  @Column({ type: 'int' }) step: number;
  @Column({ name: 'event_id', type: 'text' }) eventId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
