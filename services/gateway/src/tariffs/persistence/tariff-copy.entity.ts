// The gateway's copy of tax-permit's tariff table (the one source of truth, CONTRACT 4.1): seeded
// like it, then kept in step by tariff-changed events; GET /v1/tariffs reads it.
import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TariffEntryData } from '@cbec/contracts';

@Entity({ name: 'tariff_entry' })
export class TariffCopyEntry {
  @PrimaryColumn({ name: 'hs_prefix', type: 'text' }) hsPrefix: string;
  @Column({ type: 'text' }) description: string;
  @Column({ name: 'duty_rate', type: 'numeric' }) dutyRate: string;
  @Column({ name: 'vat_rate', type: 'numeric' }) vatRate: string;
  @Column({ name: 'consumption_tax_rate', type: 'numeric' }) consumptionTaxRate: string;
  @Column({ name: 'cbec_eligible', type: 'boolean' }) cbecEligible: boolean;
  @Column({ type: 'boolean' }) quarantine: boolean;
  @Column({ type: 'boolean' }) prohibited: boolean;
  @Column({ name: 'reference_unit_price', type: 'numeric', nullable: true }) referenceUnitPrice: string | null;
}

export function toCopy(entry: TariffEntryData): TariffCopyEntry {
  return { ...entry, referenceUnitPrice: entry.referenceUnitPrice ?? null };
}

export function fromCopy(row: TariffCopyEntry): TariffEntryData {
  const { hsPrefix, description, dutyRate, vatRate, consumptionTaxRate, cbecEligible, quarantine, prohibited, referenceUnitPrice } = row;
  return { hsPrefix, description, dutyRate, vatRate, consumptionTaxRate, cbecEligible, quarantine, prohibited, ...(referenceUnitPrice === null ? {} : { referenceUnitPrice }) };
}
