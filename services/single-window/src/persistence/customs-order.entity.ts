// What the Single Window service keeps of an order declared to customs (CONTRACT 8): what its
// messages are built from, and what customs' receipts said of it.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ClearanceModel, CustomsTaxBill, Declaration, OrderPlacedData } from '@cbec/contracts';
import type { AssessedTaxes } from '@cbec/domain';

@Entity({ name: 'customs_order' })
export class CustomsOrder {
  @PrimaryColumn({ name: 'platform_id', type: 'text' }) platformId: string;
  @PrimaryColumn({ name: 'order_id', type: 'text' }) orderId: string;
  @Column({ name: 'clearance_model', type: 'text' }) clearanceModel: ClearanceModel;
  /** The platform's ebpCode in the profile: a CEB312 names the order by it and the orderNo. */
  @Column({ name: 'ebp_code', type: 'text', nullable: true }) ebpCode: string | null;
  /** The accepted order (CEB311). */
  @Column({ name: 'order_data', type: 'jsonb', nullable: true }) orderData: OrderPlacedData | null;
  /** The declaration as filed (CEB621, 623, 625), and the legal unit of each item. */
  @Column({ type: 'jsonb', nullable: true }) declaration: Declaration | null;
  @Column({ name: 'legal_units', type: 'jsonb', nullable: true }) legalUnits: string[] | null;
  /** The system's declaration number: the CEB621's copNo, never changed. */
  @Column({ name: 'cop_no', type: 'text', nullable: true }) copNo: string | null;
  @Column({ name: 'pre_no', type: 'text', nullable: true }) preNo: string | null;
  @Column({ name: 'invt_no', type: 'text', nullable: true }) invtNo: string | null;
  /** Cancelled after its declaration: the CEB623's reason, sent once customs gives an invtNo. */
  @Column({ name: 'cancellation_reason', type: 'text', nullable: true }) cancellationReason: string | null;
  @Column({ name: 'cancellation_sent', type: 'boolean', default: false }) cancellationSent: boolean;
  @Column({ name: 'returns_sent', type: 'int', default: 0 }) returnsSent: number;
  /** The assessment's totals, which a CEB816 tax bill is compared with. */
  @Column({ type: 'jsonb', nullable: true }) assessment: AssessedTaxes | null;
  @Column({ name: 'tax_bill', type: 'jsonb', nullable: true }) taxBill: CustomsTaxBill | null;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
