// Reads and writes this service's tariff table, the source of truth (CONTRACT 4.1).
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TariffEntryData } from '@cbec/contracts';
import { readTariff, saveTariffEntry } from '@cbec/tariff-table';

@Injectable()
export class TariffTable {
  entries(manager: EntityManager): Promise<TariffEntryData[]> {
    return readTariff(manager);
  }

  save(manager: EntityManager, entry: TariffEntryData): Promise<void> {
    return saveTariffEntry(manager, entry);
  }
}
