// Model I: the declaration asks the logistics company for its documents; logistics answers with
// them and the waybill (assigned here when the order came without one). A run of requests is
// answered together: one locking read, one draw of waybill serials, one insert.
import { Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DocumentsProvidedData, DocumentsRequestedData, LOGISTICS_EVENTS, nextStep, orderKey, TOPICS } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, EventHandler, forEachEvent, HandlerContext } from '@cbec/messaging';
import { BLANK_SHIPMENT, lockShipments, saveShipments, ShipmentRow } from '../persistence/shipment-store';
import { logisticsDocumentsFor, waybillNumberFor } from './logistics-documents.rule';
import { nextWaybillSerials } from './next-waybill-number';

@Injectable()
export class ProvideDocumentsWhenRequestedHandler implements EventHandler<DocumentsRequestedData> {
  readonly eventType = DECLARATION_EVENTS.documentsRequested;

  handle(event: CloudEvent<DocumentsRequestedData>, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent<DocumentsRequestedData>[], { manager, publish, log }: BatchContext): Promise<void> {
    const known = new Set((await lockShipments(manager, events.map(({ data }) => data))).keys());
    // One serial per order of the run that has no shipment yet and came without a waybill.
    const firsts = new Map(events.filter(({ data }) => !known.has(keyOf(data))).map((event) => [keyOf(event.data), event]));
    const serials = await nextWaybillSerials(manager, [...firsts.values()].filter(({ data }) => !data.order.logistics.waybillNumber).length);
    const provided: ShipmentRow[] = [];
    await forEachEvent(events, (event) => {
      const { platformId, orderId, clearanceModel, requestedDocuments, order } = event.data;
      const about = { eventId: event.id, subject: keyOf(event.data) };
      if (known.has(keyOf(event.data))) return log.info(about, 'documents were already provided for this order; the request came again');
      known.add(keyOf(event.data));

      const carrier = order.logistics.carrier;
      const waybillNumber = order.logistics.waybillNumber || waybillNumberFor(carrier, serials.shift()!);
      const documents = logisticsDocumentsFor(requestedDocuments, waybillNumber);
      const step = nextStep(event);
      provided.push({ ...BLANK_SHIPMENT, platformId, orderId, status: 'DOCUMENTS_READY', step, clearanceModel, carrier, waybillNumber, documents });
      log.info({ ...about, kinds: requestedDocuments, assignedWaybill: !order.logistics.waybillNumber }, 'documents provided');
      const data: DocumentsProvidedData = { platformId, orderId, clearanceModel, documents, waybillNumber };
      publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.documentsProvided, subject: keyOf(event.data), data, step, cause: event });
    });
    await saveShipments(manager, provided);
  }
}

function keyOf({ platformId, orderId }: { platformId: string; orderId: string }): string {
  return orderKey(platformId, orderId);
}
