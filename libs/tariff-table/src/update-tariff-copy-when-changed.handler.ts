// Keeps a service's copy of the tariff table in step with tax-permit's, the one source of truth
// (CONTRACT 4.1): every tariff-changed event upserts its entry; later readers see the new one.
// The copies that only follow the table (the gateway's quotes, inspection) wire this handler.
import { Injectable } from '@nestjs/common';
import { TAX_PERMIT_EVENTS, TariffChangedData } from '@cbec/contracts';
import { isValidHsPrefix } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { saveTariffEntry } from './tariff-table';

@Injectable()
export class UpdateTariffCopyWhenChangedHandler implements EventHandler<TariffChangedData> {
  readonly eventType = TAX_PERMIT_EVENTS.tariffChanged;

  async handle(event: CloudEvent<TariffChangedData>, { manager, log }: HandlerContext): Promise<void> {
    const entry = event.data.entry;
    // A malformed entry is a bug upstream: throwing dead-letters it (after retries) instead of dropping it.
    if (!entry || typeof entry.hsPrefix !== 'string' || !isValidHsPrefix(entry.hsPrefix)) throw new Error(`tariff-changed event without a valid entry (hsPrefix ${JSON.stringify(entry?.hsPrefix)})`);
    await saveTariffEntry(manager, entry);
    log.info({ hsPrefix: entry.hsPrefix, prohibited: entry.prohibited, quarantine: entry.quarantine, cbecEligible: entry.cbecEligible }, 'tariff copy updated');
  }
}
