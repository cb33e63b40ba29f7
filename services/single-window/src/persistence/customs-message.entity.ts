// Every message exchanged with the Single Window about an order, both ways, with its XML
// (CONTRACT 8.2, 8.4): what the REST calls and the ops page show, and how a receipt finds its
// document (copNo, guid, file name).
import { Column, Entity, PrimaryColumn } from 'typeorm';

export type MessageDirection = 'OUT' | 'IN';

@Entity({ name: 'customs_message' })
export class CustomsMessage {
  /** Insertion order: an order's messages are listed by it. */
  @Column({ type: 'bigint', insert: false, update: false }) seq: string;
  @PrimaryColumn({ type: 'text' }) guid: string;
  @Column({ name: 'platform_id', type: 'text', nullable: true }) platformId: string | null;
  @Column({ name: 'order_id', type: 'text', nullable: true }) orderId: string | null;
  @Column({ name: 'message_type', type: 'text' }) messageType: string;
  @Column({ type: 'text' }) direction: MessageDirection;
  @Column({ name: 'cop_no', type: 'text', nullable: true }) copNo: string | null;
  @Column({ name: 'app_type', type: 'text', nullable: true }) appType: string | null;
  /** Sent: when it was built; received: customs' returnTime. */
  @Column({ type: 'timestamptz' }) at: Date;
  @Column({ name: 'return_status', type: 'text', nullable: true }) returnStatus: string | null;
  @Column({ name: 'return_info', type: 'text', nullable: true }) returnInfo: string | null;
  @Column({ type: 'text' }) xml: string;
  /** Sent: what it was built from, besides the order's current data (a re-send builds it again). */
  @Column({ type: 'jsonb', nullable: true }) input: Record<string, unknown> | null;
  /** Sent in `folder` mode: its name in the out folder, and when it was written there. */
  @Column({ name: 'file_name', type: 'text', nullable: true }) fileName: string | null;
  @Column({ name: 'written_at', type: 'timestamptz', nullable: true }) writtenAt: Date | null;
  /** Refused by the exchange (CEB900 or a CEB622 4 / negative): when, and what it said. */
  @Column({ name: 'refused_at', type: 'timestamptz', nullable: true }) refusedAt: Date | null;
  @Column({ type: 'text', nullable: true }) refusal: string | null;
  /** The guid of the message that re-sent this one. */
  @Column({ name: 'resent_as', type: 'text', nullable: true }) resentAs: string | null;
}

@Entity({ name: 'failed_receipt_file' })
export class FailedReceiptFile {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) id: string;
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  @Column({ type: 'text' }) reason: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
}
