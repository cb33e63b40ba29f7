// A confirmed order's declaration: its number, the order it declares, and whether it still
// waits for the logistics company's documents (model I) or has been filed.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AttachedDocument, ClearanceModel, OrderPlacedData } from '@cbec/contracts';

export type DeclarationStatus = 'AWAITING_DOCUMENTS' | 'SUBMITTED';

@Entity({ name: 'declaration' })
export class OrderDeclaration {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  @Column({ name: 'clearance_model', type: 'text' }) clearanceModel: ClearanceModel;
  @Column({ name: 'declaration_number', type: 'text', unique: true }) declarationNumber: string;
  @Column({ type: 'text' }) status: DeclarationStatus;
  /** The step of the last event this service emitted for the order (ordering across topics). */
  @Column({ type: 'int' }) step: number;
  /** The order as intake accepted it (OrderConfirmed), from which the declaration is built. */
  @Column({ type: 'jsonb' }) order: OrderPlacedData;
  @Column({ type: 'jsonb', default: () => "'[]'" }) documents: AttachedDocument[];
  /** The order's waybill, or the one logistics assigned (model I orders may come without). */
  @Column({ name: 'waybill_number', type: 'text', nullable: true }) waybillNumber: string | null;
  @Column({ name: 'declared_at', type: 'timestamptz', nullable: true }) declaredAt: Date | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
