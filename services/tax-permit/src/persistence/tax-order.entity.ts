// An order as the tax-permit service knows it: from approval to its assessment, payment and permit.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ClearanceModel, ClearanceStatus, Declaration, RejectionReason, TaxAssessmentNotice } from '@cbec/contracts';

/** The statuses this service leads an order to, REJECTED whoever rejected it after assessment, CANCELLED when cancelled here. */
export type TaxOrderStatus = Extract<ClearanceStatus, 'TAX_ASSESSED' | 'TAX_PAID' | 'PERMIT_ISSUED' | 'REJECTED' | 'CANCELLED'>;

@Entity({ name: 'tax_order' })
export class TaxOrder {
  @PrimaryColumn({ name: 'platform_id', type: 'text' }) platformId: string;
  @PrimaryColumn({ name: 'order_id', type: 'text' }) orderId: string;
  @Column({ name: 'clearance_model', type: 'text' }) clearanceModel: ClearanceModel;
  @Column({ type: 'text' }) status: TaxOrderStatus;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode: RejectionReason | null;
  /** The step of the last event this service published (or saw) for the order. */
  @Column({ type: 'int' }) step: number;
  @Column({ type: 'jsonb' }) declaration: Declaration;
  @Column({ name: 'assessment_id', type: 'text', nullable: true }) assessmentId: string | null;
  /** The tax-assessed notice as published (CONTRACT 2.3). */
  @Column({ type: 'jsonb', nullable: true }) assessment: TaxAssessmentNotice | null;
  @Column({ type: 'numeric', nullable: true }) total: string | null;
  @Column({ name: 'due_by', type: 'timestamptz', nullable: true }) dueBy: Date | null;
  /** SHA-256 of the canonical JSON of the accepted tax-paid data: an identical re-send is ignored. */
  @Column({ name: 'payment_hash', type: 'text', nullable: true }) paymentHash: string | null;
  @Column({ name: 'payment_reference', type: 'text', nullable: true }) paymentReference: string | null;
  @Column({ name: 'permit_number', type: 'text', nullable: true }) permitNumber: string | null;
  /** Canonical hash of the cancellation accepted here (CONTRACT 7.2): an identical re-send is ignored. */
  @Column({ name: 'cancellation_hash', type: 'text', nullable: true }) cancellationHash: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
