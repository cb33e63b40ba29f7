// Model I: the logistics company's documents (and its waybill) complete a waiting declaration,
// which is then filed. Documents for an order not waiting for them are a stray internal event:
// there is no platform request to refuse, so they are logged and ignored.
import { Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DocumentsProvidedData, LOGISTICS_EVENTS, orderKey, TOPICS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { OrderDeclaration } from '../persistence/declaration.entity';
import { buildDeclaration, declarationSubmitted, logisticsDocuments } from './declaration.rule';

@Injectable()
export class DeclareWhenDocumentsProvidedHandler implements EventHandler<DocumentsProvidedData> {
  readonly eventType = LOGISTICS_EVENTS.documentsProvided;

  async handle(event: CloudEvent<DocumentsProvidedData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const declarations = manager.getRepository(OrderDeclaration);
    const waiting = await declarations.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    if (waiting?.status !== 'AWAITING_DOCUMENTS') {
      return log.warn({ status: waiting?.status ?? 'UNKNOWN_ORDER' }, 'documents provided for an order not waiting for them; ignored');
    }

    const documents = logisticsDocuments(event.data.documents ?? []);
    // Without a step on the event, assume it came right after our DocumentsRequested.
    const step = (event.step ?? waiting.step + 1) + 1;
    const declaredAt = new Date();
    const declaration = buildDeclaration({ declarationNumber: waiting.declarationNumber, order: waiting.order, documents, waybillNumber: event.data.waybillNumber, declaredAt });
    await declarations.update(ref, { status: 'SUBMITTED', step, documents, waybillNumber: declaration.logistics.waybillNumber, declaredAt });

    log.info({ declarationNumber: declaration.declarationNumber, documents: documents.length }, 'declaration submitted with the logistics documents');
    const subject = orderKey(ref.platformId, ref.orderId);
    publish({ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.declarationSubmitted, subject, data: declarationSubmitted(declaration), step });
  }
}
