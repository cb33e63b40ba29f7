// An order's goods as logistics moves them: documents and waybill (model I), the hand-over
// (delivery or pickup, with location, window and code), and the receipt that completed it.
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AttachedDocument, ClearanceModel, ClearanceStatus } from '@cbec/contracts';

/** The statuses a shipment rests in between events (IN_TRANSIT is passed through at once). */
export type ShipmentStatus = Extract<ClearanceStatus, 'DOCUMENTS_READY' | 'OUT_FOR_DELIVERY' | 'READY_FOR_PICKUP' | 'COMPLETED' | 'REJECTED'>;

export interface PickupLocation {
  name: string;
  address: string;
}

@Entity({ name: 'shipment' })
export class Shipment {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  @Column({ type: 'text' }) status: ShipmentStatus;
  /** The step of the last event logistics emitted for this order (ordering across topics). */
  @Column({ type: 'int' }) step: number;
  @Column({ name: 'clearance_model', type: 'text' }) clearanceModel: ClearanceModel;
  @Column({ type: 'text', nullable: true }) carrier: string | null;
  @Column({ name: 'waybill_number', type: 'text', nullable: true }) waybillNumber: string | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) documents: AttachedDocument[];
  @Column({ type: 'jsonb', nullable: true }) location: PickupLocation | null;
  @Column({ name: 'available_from', type: 'timestamptz', nullable: true }) availableFrom: Date | null;
  @Column({ name: 'available_until', type: 'timestamptz', nullable: true }) availableUntil: Date | null;
  @Column({ name: 'pickup_code', type: 'text', nullable: true }) pickupCode: string | null;
  @Column({ name: 'declaration_number', type: 'text', nullable: true }) declarationNumber: string | null;
  @Column({ name: 'permit_number', type: 'text', nullable: true }) permitNumber: string | null;
  /** SHA-256 of the canonical JSON of the accepted goods-received data: its re-send changes nothing. */
  @Column({ name: 'receipt_hash', type: 'text', nullable: true }) receiptHash: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
