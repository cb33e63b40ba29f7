// Keeps the gateway's tariff copy in step with tax-permit's table: every tariff-changed event
// upserts its entry; one that answers an ops command (requestId) also records the answer, in the
// same transaction, so the waiting PUT finds the entry already in the copy.
import { Injectable } from '@nestjs/common';
import { TAX_PERMIT_EVENTS, TariffChangedData, validatePayload } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { recordCommandAnswer } from '../send-command/ops-commands.service';
import { saveTariffEntry } from '@cbec/tariff-table';
import { TariffChangedPayload, tariffEntryOf } from '@cbec/tariff-table';

@Injectable()
export class UpdateTariffCopyWhenChangedHandler implements EventHandler<TariffChangedData> {
  readonly eventType = TAX_PERMIT_EVENTS.tariffChanged;

  async handle(event: CloudEvent<TariffChangedData>, { manager, log }: HandlerContext): Promise<void> {
    const { value, errors } = validatePayload(TariffChangedPayload, event.data);
    // A malformed entry is a bug upstream: throwing dead-letters it (after retries), where ops see it.
    if (!value) throw new Error(`tariff-changed event with an invalid entry: ${errors.map((e) => `${e.field ?? ''} ${e.message}`).join('; ')}`);
    const entry = tariffEntryOf(value.entry.hsPrefix, value.entry);
    await saveTariffEntry(manager, entry);
    if (value.requestId) await recordCommandAnswer(manager, { requestId: value.requestId, outcome: 'APPLIED', message: `tariff entry ${entry.hsPrefix} saved` });
    log.info({ hsPrefix: entry.hsPrefix, requestId: value.requestId, prohibited: entry.prohibited, cbecEligible: entry.cbecEligible }, 'tariff copy updated');
  }
}
