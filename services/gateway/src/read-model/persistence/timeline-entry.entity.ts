// One entry of an order's timeline: a status event, a refusal, an after-sale notice, a platform's own event or a receipt of customs.
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ClearanceStatus, ServiceName } from '@cbec/contracts';
import type { ReceiptDetails, TimelineKind } from '../clearance-record';

@Entity({ name: 'timeline_entry' })
@Index('timeline_entry_order', ['platformId', 'orderId'])
export class TimelineEntryRow {
  @PrimaryColumn({ name: 'event_id' }) eventId: string;
  @Column({ name: 'platform_id' }) platformId: string;
  @Column({ name: 'order_id' }) orderId: string;
  @Column({ type: 'text' }) kind: TimelineKind;
  @Column({ type: 'text' }) type: string;
  @Column({ type: 'text', nullable: true }) status: ClearanceStatus | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ type: 'text' }) service: ServiceName;
  @Column({ name: 'customs_code', type: 'int', nullable: true }) customsCode: number | null;
  @Column({ name: 'reason_code', type: 'text', nullable: true }) reasonCode: string | null;
  @Column({ type: 'int', nullable: true }) step: number | null;
  @Column({ name: 'causation_id', type: 'text', nullable: true }) causationId: string | null;
  @Column({ type: 'jsonb', nullable: true }) receipt: ReceiptDetails | null;
}
