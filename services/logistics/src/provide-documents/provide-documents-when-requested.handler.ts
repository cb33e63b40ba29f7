// Model I: the declaration asks the logistics company for its documents; logistics answers with
// them and the waybill (assigned here when the order came without one).
import { Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DocumentsProvidedData, DocumentsRequestedData, LOGISTICS_EVENTS, orderKey, TOPICS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { Shipment } from '../persistence/shipment.entity';
import { logisticsDocumentsFor } from './logistics-documents.rule';
import { nextWaybillNumber } from './next-waybill-number';

@Injectable()
export class ProvideDocumentsWhenRequestedHandler implements EventHandler<DocumentsRequestedData> {
  readonly eventType = DECLARATION_EVENTS.documentsRequested;

  async handle(event: CloudEvent<DocumentsRequestedData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const { platformId, orderId, clearanceModel, requestedDocuments, order } = event.data;
    const ref = { platformId, orderId };
    const shipments = manager.getRepository(Shipment);
    if (await shipments.findOne({ where: ref, lock: { mode: 'pessimistic_write' } })) {
      return log.info('documents were already provided for this order; the request came again');
    }

    const carrier = order.logistics.carrier;
    const waybillNumber = order.logistics.waybillNumber || (await nextWaybillNumber(manager, carrier));
    const documents = logisticsDocumentsFor(requestedDocuments, waybillNumber);
    const step = (event.step ?? 0) + 1;
    await shipments.insert({ ...ref, status: 'DOCUMENTS_READY', step, clearanceModel, carrier, waybillNumber, documents });

    log.info({ kinds: requestedDocuments, assignedWaybill: !order.logistics.waybillNumber }, 'documents provided');
    const provided: DocumentsProvidedData = { ...ref, clearanceModel, documents, waybillNumber };
    publish({ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.documentsProvided, subject: orderKey(platformId, orderId), data: provided, step });
  }
}
