// Adds or changes a tariff entry and announces it (tariff-changed) in the same transaction, so the
// copies kept by inspection and the gateway follow the one source of truth. Called directly (its
// own transaction) and by the handler of the ops command (the handler's transaction).
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TAX_PERMIT_EVENTS, TariffChangedData, TOPICS } from '@cbec/contracts';
import { Messaging, OutgoingEvent } from '@cbec/messaging';
import { TariffTable } from '../persistence/tariff-table';
import { checkTariffEntry, TariffEntryCheck } from './tariff-entry.rule';

/** The subject (and Kafka key) of a tariff entry's events: every change of one prefix stays in order. */
export function tariffSubject(hsPrefix: string): string {
  return `tariff/${hsPrefix}`;
}

/**
 * The use case inside a transaction: check, save, announce through `publish`. `requestId`: the
 * ops command that asked for the change, which the tariff-changed event then answers.
 */
export async function upsertTariffEntry(manager: EntityManager, tariff: TariffTable, input: unknown, publish: (event: OutgoingEvent<TariffChangedData>) => void, requestId?: string): Promise<TariffEntryCheck> {
  const check = checkTariffEntry(input);
  if (!check.ok) return check;
  const { entry } = check;
  await tariff.save(manager, entry);
  const changed: TariffChangedData = { entry, ...(requestId ? { requestId } : {}) };
  publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.tariffChanged, subject: tariffSubject(entry.hsPrefix), data: changed });
  return check;
}

@Injectable()
export class UpsertTariffEntryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
    private readonly tariff: TariffTable,
  ) {}

  async upsertTariffEntry(input: unknown): Promise<TariffEntryCheck> {
    return this.dataSource.transaction(async (manager) => {
      const events: OutgoingEvent[] = [];
      const check = await upsertTariffEntry(manager, this.tariff, input, (event) => events.push(event));
      await this.messaging.outbox.publish(manager, events);
      return check;
    });
  }
}
