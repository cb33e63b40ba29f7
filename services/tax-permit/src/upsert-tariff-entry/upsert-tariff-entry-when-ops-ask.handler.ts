// A tariff edit from ops (PUT /v1/tariffs/{hsPrefix} through the gateway, OPS_COMMANDS.upsertTariff):
// saved and announced by the upsert use case (tariff-changed with requestId = the command's id),
// or refused with the field errors (tariff-change-refused), so the gateway can answer the call.
import { Injectable } from '@nestjs/common';
import { CommandAnswerData, OPS_COMMANDS, OPS_EVENTS, TariffUpsertRequestedData, TOPICS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { TariffTable } from '../persistence/tariff-table';
import { upsertTariffEntry } from './upsert-tariff-entry.service';

@Injectable()
export class UpsertTariffEntryWhenOpsAskHandler implements EventHandler<TariffUpsertRequestedData> {
  readonly eventType = OPS_COMMANDS.upsertTariff;

  // Not UpsertTariffEntryService: it needs Messaging, which needs the handlers.
  constructor(private readonly tariff: TariffTable) {}

  async handle(event: CloudEvent<TariffUpsertRequestedData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const result = await upsertTariffEntry(manager, this.tariff, event.data?.entry, publish, event.id);
    if (result.ok) return log.info({ hsPrefix: result.entry.hsPrefix, requestId: event.id }, 'tariff entry saved at the request of ops');
    const refused: CommandAnswerData = { requestId: event.id, outcome: 'REFUSED', message: 'invalid tariff entry', details: result.errors };
    publish({ topic: TOPICS.taxPermitEvents, type: OPS_EVENTS.tariffChangeRefused, data: refused });
    log.warn({ requestId: event.id, fields: result.errors.map((error) => error.field) }, 'tariff entry from ops refused');
  }
}
