// The clearance view of one order (CONTRACT 5), as the projection keeps it.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CancellationNotice, ClearanceModel, ClearanceStatus, TaxAssessmentNotice } from '@cbec/contracts';
import type { CustomsView, DeliveryDetails, PickupDetails, ReturnDetails } from '../clearance-record';
import type { ClearanceParticulars } from '../particulars.rule';

@Entity({ name: 'clearance_view' })
export class ClearanceViewRow {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  @Column({ name: 'clearance_model', type: 'text', nullable: true }) clearanceModel: ClearanceModel | null;
  @Column({ type: 'text' }) status: ClearanceStatus;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode: string | null;
  @Column({ name: 'declaration_number', type: 'text', nullable: true }) declarationNumber: string | null;
  @Column({ name: 'tax_assessment', type: 'jsonb', nullable: true }) taxAssessment: TaxAssessmentNotice | null;
  @Column({ name: 'permit_number', type: 'text', nullable: true }) permitNumber: string | null;
  @Column({ type: 'jsonb', nullable: true }) pickup: PickupDetails | null;
  @Column({ type: 'jsonb', nullable: true }) delivery: DeliveryDetails | null;
  @Column({ type: 'jsonb', nullable: true }) particulars: ClearanceParticulars | null;
  @Column({ type: 'jsonb', nullable: true }) cancellation: CancellationNotice | null;
  @Column({ type: 'jsonb', nullable: true }) returns: ReturnDetails[] | null;
  @Column({ type: 'jsonb', nullable: true }) customs: CustomsView | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
