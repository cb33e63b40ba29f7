// Reads and writes the tariff table as the contract's entries (TariffEntryData).
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TariffEntryData } from '@cbec/contracts';
import { TariffEntryRecord } from './tariff-entry.entity';

@Injectable()
export class TariffTable {
  async entries(manager: EntityManager): Promise<TariffEntryData[]> {
    const records = await manager.getRepository(TariffEntryRecord).find({ order: { hsPrefix: 'ASC' } });
    return records.map(entryOf);
  }

  async save(manager: EntityManager, entry: TariffEntryData): Promise<void> {
    await manager.getRepository(TariffEntryRecord).save({ ...entry, referenceUnitPrice: entry.referenceUnitPrice ?? null });
  }
}

function entryOf(record: TariffEntryRecord): TariffEntryData {
  const { hsPrefix, description, dutyRate, vatRate, consumptionTaxRate, cbecEligible, quarantine, prohibited, referenceUnitPrice } = record;
  return {
    hsPrefix,
    description,
    dutyRate,
    vatRate,
    consumptionTaxRate,
    cbecEligible,
    quarantine,
    prohibited,
    ...(referenceUnitPrice === null ? {} : { referenceUnitPrice }),
  };
}
