// Keeps the tariff copy that quotes read in step with tax-permit's table (CONTRACT 4.1): every
// tariff-changed event upserts its entry.
import { Injectable } from '@nestjs/common';
import { TAX_PERMIT_EVENTS, TariffChangedData } from '@cbec/contracts';
import { isValidHsPrefix } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { saveTariffEntry } from '@cbec/tariff-table';

@Injectable()
export class UpdateTariffCopyWhenChangedHandler implements EventHandler<TariffChangedData> {
  readonly eventType = TAX_PERMIT_EVENTS.tariffChanged;

  async handle(event: CloudEvent<TariffChangedData>, { manager, log }: HandlerContext): Promise<void> {
    const entry = event.data.entry;
    // A malformed entry is a bug upstream: throwing dead-letters it (after retries) instead of dropping it.
    if (!entry || typeof entry.hsPrefix !== 'string' || !isValidHsPrefix(entry.hsPrefix)) throw new Error(`tariff-changed event without a valid entry (hsPrefix ${JSON.stringify(entry?.hsPrefix)})`);
    await saveTariffEntry(manager, entry);
    log.debug({ hsPrefix: entry.hsPrefix }, 'tariff copy updated');
  }
}
