// What the outbound translator knows of an order: the status the platform was last told, the
// step last applied (ordering across topics) and the last outbound sequence number.
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { ClearanceModel, ClearanceStatus } from '@cbec/contracts';

@Entity({ name: 'outbound_order' })
export class OutboundOrder {
  @PrimaryColumn({ name: 'platform_id' }) platformId: string;
  @PrimaryColumn({ name: 'order_id' }) orderId: string;
  /** RECEIVED until the first status event: the order's status before anything happened to it. */
  @Column({ type: 'text' }) status: ClearanceStatus;
  @Column({ name: 'clearance_model', type: 'text', nullable: true }) clearanceModel: ClearanceModel | null;
  @Column({ type: 'int' }) step: number;
  @Column({ type: 'int' }) sequence: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
