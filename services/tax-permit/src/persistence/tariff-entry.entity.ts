// One row of the tariff table (CONTRACT 4.1), of which this service is the source of truth.
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

@Entity({ name: 'tariff_entry' })
export class TariffEntryRecord {
  @PrimaryColumn({ name: 'hs_prefix', type: 'text' }) hsPrefix: string;
  @Column({ type: 'text' }) description: string;
  /** Rates and prices are PostgreSQL numeric, read back as the decimal strings written. */
  @Column({ name: 'duty_rate', type: 'numeric' }) dutyRate: string;
  @Column({ name: 'vat_rate', type: 'numeric' }) vatRate: string;
  @Column({ name: 'consumption_tax_rate', type: 'numeric' }) consumptionTaxRate: string;
  @Column({ name: 'cbec_eligible', type: 'boolean' }) cbecEligible: boolean;
  @Column({ type: 'boolean' }) quarantine: boolean;
  @Column({ type: 'boolean' }) prohibited: boolean;
  @Column({ name: 'reference_unit_price', type: 'numeric', nullable: true }) referenceUnitPrice: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
