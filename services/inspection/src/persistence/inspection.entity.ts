// An order under customs review: its plan, where it stands, and what it carries forward.
import { Column, CreateDateColumn, Entity, EntityManager, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ClearanceModel, ClearanceStatus, Declaration, OrderRef, RejectionReason } from '@cbec/contracts';
import type { ReviewPlan } from '@cbec/domain';

/** The statuses inspection leads an order through (CONTRACT 3). */
export type InspectionStatus = Extract<
  ClearanceStatus,
  'UNDER_REVIEW' | 'QUARANTINE_INSPECTION' | 'PROOF_REQUESTED' | 'PROOF_SUBMITTED' | 'HELD_FOR_REVIEW' | 'APPROVED' | 'REJECTED' | 'CANCELLED'
>;

@Entity({ name: 'inspection' })
export class Inspection {
  @PrimaryColumn({ name: 'platform_id', type: 'text' }) platformId: string;
  @PrimaryColumn({ name: 'order_id', type: 'text' }) orderId: string;
  @Column({ name: 'clearance_model', type: 'text' }) clearanceModel: ClearanceModel;
  @Column({ type: 'text' }) status: InspectionStatus;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode: RejectionReason | null;
  /** planReview's verdict at review start, with the tariff copy of that moment. */
  @Column({ type: 'jsonb' }) plan: ReviewPlan;
  /** The question of the proof request, fixed at review start with the items it names. */
  @Column({ name: 'proof_question', type: 'text', nullable: true }) proofQuestion: string | null;
  /** Canonical hash of the accepted proof submission: an identical re-send is ignored. */
  @Column({ name: 'proof_hash', type: 'text', nullable: true }) proofHash: string | null;
  /** Carried forward on approval: tax-permit needs it. */
  @Column({ type: 'jsonb' }) declaration: Declaration;
  /** Canonical hash of the cancellation accepted here (CONTRACT 7.2): an identical re-send is ignored. */
  @Column({ name: 'cancellation_hash', type: 'text', nullable: true }) cancellationHash: string | null;
  /** The step of the last state-changing event inspection published for this order. */
  @Column({ type: 'int' }) step: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The order's review row, locked for the rest of the transaction (events of several topics meet here). */
export function lockInspection(manager: EntityManager, ref: OrderRef): Promise<Inspection | null> {
  return manager.findOne(Inspection, { where: { platformId: ref.platformId, orderId: ref.orderId }, lock: { mode: 'pessimistic_write' } });
}
