// A consumer's annual total of cross-border retail orders as tax-permit last announced it
// (annual-total-changed), under a keyed hash of the ID number: what quotes check the annual limit
// against (CONTRACT 7.1). A copy: tax-permit's ledger decides at assessment.
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'consumer_annual_total' })
export class ConsumerAnnualTotal {
  /** consumerKeyOf(idNumber): HMAC-SHA256 with CONSUMER_KEY_SECRET. */
  @PrimaryColumn({ name: 'consumer_key', type: 'text' }) consumerKey: string;
  @PrimaryColumn({ name: 'quota_year', type: 'int' }) quotaYear: number;
  @Column({ type: 'numeric' }) total: string;
  /** The ledger row's version: the newest announcement wins, whatever the order of arrival. */
  @Column({ type: 'int' }) version: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
