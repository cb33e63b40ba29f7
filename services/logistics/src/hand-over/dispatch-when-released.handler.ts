// Released goods are handed over: tax paid releases those of a model without an import permit
// (model I), the permit those of models II and III (a model that gets a permit waits for it when
// its tax is paid). One handler for both, so that a run of tax-paid and permit-issued events,
// which alternate on their topic, is taken together: one locking read, one write.
import { Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, PermitIssuedData, TAX_PERMIT_EVENTS, TaxSettledData } from '@cbec/contracts';
import { BatchContext, CloudEvent, decideInTurn, EventHandler, ordersOf } from '@cbec/messaging';
import { lockShipments, saveShipments } from '../persistence/shipment-store';
import { HandOverService } from './hand-over.service';

type Release = CloudEvent<TaxSettledData | PermitIssuedData>;

@Injectable()
export class DispatchWhenReleasedHandler implements EventHandler<TaxSettledData | PermitIssuedData> {
  readonly eventType = [TAX_PERMIT_EVENTS.taxPaid, TAX_PERMIT_EVENTS.permitIssued];

  constructor(private readonly handOver: HandOverService) {}

  async handleAll(events: Release[], context: BatchContext): Promise<void> {
    const shipments = await lockShipments(context.manager, ordersOf(events.filter(releasesGoods)));
    const changed = await decideInTurn(events, shipments, context, async (event, shipment, inTurn) => {
      if (!releasesGoods(event)) return inTurn.log.debug({ eventId: event.id, subject: event.subject }, 'tax paid; the goods wait for the import permit');
      const permitNumber = event.type === TAX_PERMIT_EVENTS.permitIssued ? (event.data as PermitIssuedData).permitNumber : undefined;
      return { state: await this.handOver.start(event, shipment ?? null, inTurn, permitNumber) };
    });
    await saveShipments(context.manager, changed);
  }
}

/** Whether the event lets the goods go: a permit, or tax paid for a model without one. */
function releasesGoods(event: Release): boolean {
  return event.type === TAX_PERMIT_EVENTS.permitIssued || !CLEARANCE_MODEL_RULES[event.data.clearanceModel].issuesPermit;
}
