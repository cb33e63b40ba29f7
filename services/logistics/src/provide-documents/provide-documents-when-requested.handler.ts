// Model I: the declaration asks the logistics company for its documents; logistics answers with
// them and the waybill (assigned here when the order came without one). A run of requests is
// answered together: one locking read, one draw of waybill serials, one insert.
import { Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DocumentsRequestedData, nextStep } from '@cbec/contracts';
import { BatchContext, CloudEvent, decideInTurn, EventHandler, firstEventsOfNewOrders, ordersOf } from '@cbec/messaging';
import { lockShipments, saveShipments } from '../persistence/shipment-store';
import { shipmentWithDocuments, waybillNumberFor } from './logistics-documents.rule';
import { nextWaybillSerials } from './next-waybill-number';

@Injectable()
export class ProvideDocumentsWhenRequestedHandler implements EventHandler<DocumentsRequestedData> {
  readonly eventType = DECLARATION_EVENTS.documentsRequested;

  async handleAll(events: CloudEvent<DocumentsRequestedData>[], context: BatchContext): Promise<void> {
    const shipments = await lockShipments(context.manager, ordersOf(events));
    // One serial per order of the run that has no shipment yet and came without a waybill.
    const serials = await nextWaybillSerials(context.manager, firstEventsOfNewOrders(events, shipments).filter(({ data }) => !data.order.logistics.waybillNumber).length);
    const provided = await decideInTurn(events, shipments, context, (event, shipment, { subject, log }) => {
      const about = { eventId: event.id, subject };
      if (shipment) return log.info(about, 'documents were already provided for this order; the request came again');
      const { carrier, waybillNumber } = event.data.order.logistics;
      const outcome = shipmentWithDocuments(event.data, waybillNumber || waybillNumberFor(carrier, serials.shift()!), nextStep(event), subject);
      log.info({ ...about, kinds: event.data.requestedDocuments, assignedWaybill: !waybillNumber }, 'documents provided');
      return outcome;
    });
    await saveShipments(context.manager, provided);
  }
}
