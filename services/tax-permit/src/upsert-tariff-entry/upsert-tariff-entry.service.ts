// Adds or changes a tariff entry and announces it (tariff-changed) in the same transaction, so the
// copies kept by inspection and the gateway follow the one source of truth. Called by the REST
// endpoint and the ops command.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { TAX_PERMIT_EVENTS, TariffChangedData, TOPICS } from '@cbec/contracts';
import { Messaging } from '@cbec/messaging';
import { TariffTable } from '../persistence/tariff-table';
import { checkTariffEntry, TariffEntryCheck } from './tariff-entry.rule';

/** The subject (and Kafka key) of a tariff entry's events: every change of one prefix stays in order. */
export function tariffSubject(hsPrefix: string): string {
  return `tariff/${hsPrefix}`;
}

@Injectable()
export class UpsertTariffEntryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
    private readonly tariff: TariffTable,
  ) {}

  async upsertTariffEntry(input: unknown): Promise<TariffEntryCheck> {
    const check = checkTariffEntry(input);
    if (!check.ok) return check;
    const { entry } = check;
    await this.dataSource.transaction(async (manager) => {
      await this.tariff.save(manager, entry);
      const changed: TariffChangedData = { entry };
      await this.messaging.outbox.publish(manager, [{ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.tariffChanged, subject: tariffSubject(entry.hsPrefix), data: changed }]);
    });
    return check;
  }
}
