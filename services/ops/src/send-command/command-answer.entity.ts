// Ops commands the gateway sent and the owners' answers to them, keyed by the command's event id
// (the requestId). Whichever gateway replica consumes an answer writes it here, and the one that
// holds the HTTP call polls it: replicas need not share memory.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CommandAnswerData, FieldError } from '@cbec/contracts';

@Entity({ name: 'command_answer' })
export class CommandAnswerRecord {
  @PrimaryColumn({ name: 'request_id', type: 'text' }) requestId: string;
  /** The command's event type; null for an answer to a command this gateway did not send. */
  @Column({ name: 'command_type', type: 'text', nullable: true }) commandType: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  /** Null while the command waits for its answer. */
  @Column({ type: 'text', nullable: true }) outcome: CommandAnswerData['outcome'] | null;
  @Column({ type: 'text', nullable: true }) message: string | null;
  @Column({ type: 'jsonb', nullable: true }) details: FieldError[] | null;
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true }) answeredAt: Date | null;
}
