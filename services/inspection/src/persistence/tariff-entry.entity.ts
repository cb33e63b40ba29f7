// Inspection's own copy of the tariff table (CONTRACT 4.1): seeded like tax-permit's, then kept up
// to date from tariff-changed events, so a review needs no call to another service.
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { TariffEntry } from '@cbec/domain';

@Entity({ name: 'tariff_entry' })
export class TariffEntryRecord {
  @PrimaryColumn({ name: 'hs_prefix', type: 'text' }) hsPrefix: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'duty_rate', type: 'numeric' }) dutyRate: string;
  @Column({ name: 'vat_rate', type: 'numeric' }) vatRate: string;
  @Column({ name: 'consumption_tax_rate', type: 'numeric' }) consumptionTaxRate: string;
  @Column({ name: 'cbec_eligible', type: 'boolean' }) cbecEligible: boolean;
  @Column({ type: 'boolean' }) quarantine: boolean;
  @Column({ type: 'boolean' }) prohibited: boolean;
  @Column({ name: 'reference_unit_price', type: 'numeric', nullable: true }) referenceUnitPrice: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The row as the domain's rules read it: no reference price is `undefined`, never `null`. */
export function toTariffEntry({ updatedAt: _updatedAt, referenceUnitPrice, ...entry }: TariffEntryRecord): TariffEntry {
  return referenceUnitPrice === null ? entry : { ...entry, referenceUnitPrice };
}

export function fromTariffEntry(entry: TariffEntry): Omit<TariffEntryRecord, 'updatedAt'> {
  return {
    hsPrefix: entry.hsPrefix,
    description: entry.description,
    dutyRate: entry.dutyRate,
    vatRate: entry.vatRate,
    consumptionTaxRate: entry.consumptionTaxRate,
    cbecEligible: entry.cbecEligible,
    quarantine: entry.quarantine,
    prohibited: entry.prohibited,
    referenceUnitPrice: entry.referenceUnitPrice ?? null,
  };
}
