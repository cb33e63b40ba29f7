// An order's goods as logistics moves them: documents and waybill (model I), the release and the
// hand-over (delivery or pickup, with location, window and code), the receipt that completed it,
// and what after-sale needs: the payment a cancellation refunds, the items and assessment a
// return gives back part of (CONTRACT 7).
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AttachedDocument, ClearanceModel, ClearanceStatus, Declaration, TaxAssessmentNotice } from '@cbec/contracts';

/**
 * The statuses a shipment rests in between events (IN_TRANSIT is passed through at once).
 * RELEASED is logistics' own: tax paid and permit issued, the goods still being picked in the
 * warehouse (DISPATCH_DELAY_MS), where a cancellation reaches them.
 */
export type ShipmentStatus = Extract<ClearanceStatus, 'DOCUMENTS_READY' | 'OUT_FOR_DELIVERY' | 'READY_FOR_PICKUP' | 'COMPLETED' | 'REJECTED' | 'CANCELLED' | 'RETURNED'> | 'RELEASED';

export interface PickupLocation {
  name: string;
  address: string;
}

@Entity({ name: 'shipment' })
export class Shipment {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  @Column({ type: 'text' }) status: ShipmentStatus;
  /** The step of the last event logistics emitted (or the release it took) for this order. */
  @Column({ type: 'int' }) step: number;
  @Column({ name: 'clearance_model', type: 'text' }) clearanceModel: ClearanceModel;
  @Column({ type: 'text', nullable: true }) carrier: string | null;
  @Column({ name: 'waybill_number', type: 'text', nullable: true }) waybillNumber: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) documents: AttachedDocument[];
  @Column({ type: 'jsonb', nullable: true }) location: PickupLocation | null;
  @Column({ name: 'available_from', type: 'timestamptz', nullable: true }) availableFrom: Date | null;
  @Column({ name: 'available_until', type: 'timestamptz', nullable: true }) availableUntil: Date | null;
  @Column({ name: 'pickup_code', type: 'text', nullable: true }) pickupCode: string | null;
  /** Wrong pickup codes since the last lock-out (pickup-lockout.rule.ts). */
  @Column({ name: 'pickup_wrong_codes', type: 'int', default: 0 }) pickupWrongCodes: number;
  /** Until when every pickup code is refused, after too many wrong ones. */
  @Column({ name: 'pickup_locked_until', type: 'timestamptz', nullable: true }) pickupLockedUntil: Date | null;
  @Column({ name: 'declaration_number', type: 'text', nullable: true }) declarationNumber: string | null;
  @Column({ name: 'permit_number', type: 'text', nullable: true }) permitNumber: string | null;
  /** SHA-256 of the canonical JSON of the accepted goods-received data: its re-send changes nothing. */
  @Column({ name: 'receipt_hash', type: 'text', nullable: true }) receiptHash: string | null;
  /** The declaration the release carried: the items and the zone a return needs. */
  @Column({ type: 'jsonb', nullable: true }) declaration: Declaration | null;
  /** The payment of the release: a cancellation before the goods move refunds it whole. */
  @Column({ name: 'assessment_id', type: 'text', nullable: true }) assessmentId: string | null;
  @Column({ name: 'tax_amount', type: 'numeric', nullable: true }) taxAmount: string | null;
  /** The tax-assessed notice: a return refunds part of its lines. */
  @Column({ type: 'jsonb', nullable: true }) assessment: TaxAssessmentNotice | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  /** Canonical hash of the cancellation accepted here (CONTRACT 7.2): an identical re-send is ignored. */
  @Column({ name: 'cancellation_hash', type: 'text', nullable: true }) cancellationHash: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
