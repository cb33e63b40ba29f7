// The per-consumer annual ledger of cross-border retail (CONTRACT 4.3): a running total per
// consumer and quota year, and an entry per order with what it counted and whether it was given back.
// A consumer is their key, the HMAC-SHA256 of their ID number with CONSUMER_KEY_SECRET (libs/privacy).
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'annual_ledger' })
export class AnnualLedgerRecord {
  @PrimaryColumn({ name: 'consumer_key', type: 'text' }) consumerKey: string;
  @PrimaryColumn({ name: 'quota_year', type: 'int' }) quotaYear: number;
  @Column({ type: 'numeric' }) total: string;
  /** Bumped by every change, so a copy elsewhere keeps the newest whatever the order of arrival. */
  @Column({ type: 'int', default: 0 }) version: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

@Entity({ name: 'ledger_entry' })
export class LedgerEntryRecord {
  @PrimaryColumn({ name: 'platform_id', type: 'text' }) platformId: string;
  @PrimaryColumn({ name: 'order_id', type: 'text' }) orderId: string;
  @Column({ name: 'consumer_key', type: 'text' }) consumerKey: string;
  @Column({ name: 'quota_year', type: 'int' }) quotaYear: number;
  @Column({ type: 'numeric' }) amount: string;
  @Column({ name: 'counted_at', type: 'timestamptz' }) countedAt: Date;
  @Column({ name: 'given_back_at', type: 'timestamptz', nullable: true }) givenBackAt: Date | null;
  /** What returns of the order gave back so far (CONTRACT 7.3). */
  @Column({ name: 'given_back', type: 'numeric', default: 0 }) givenBack: string;
}
