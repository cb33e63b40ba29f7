// Model I: the logistics company's documents (and its waybill) complete a waiting declaration,
// which is then filed. Documents for an order not waiting for them are a stray internal event:
// there is no platform request to refuse, so they are logged and ignored. A run of them is
// taken together: one locking read, one update.
import { Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DocumentsProvidedData, LOGISTICS_EVENTS, orderKey, TOPICS } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, EventHandler, forEachEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { lockDeclarations, Submission, submitDeclarations } from '../persistence/declaration-store';
import { buildDeclaration, declarationSubmitted, logisticsDocuments } from './declaration.rule';

@Injectable()
export class DeclareWhenDocumentsProvidedHandler implements EventHandler<DocumentsProvidedData> {
  readonly eventType = LOGISTICS_EVENTS.documentsProvided;

  handle(event: CloudEvent<DocumentsProvidedData>, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent<DocumentsProvidedData>[], { manager, publish, log }: BatchContext): Promise<void> {
    const declarations = await lockDeclarations(manager, events.map((event) => orderRefOf(event)!));
    const submitted = new Map<string, Submission>();
    const declaredAt = new Date();
    await forEachEvent(events, (event) => {
      const ref = orderRefOf(event)!;
      const subject = orderKey(ref.platformId, ref.orderId);
      const waiting = declarations.get(subject);
      if (waiting?.status !== 'AWAITING_DOCUMENTS') return log.warn({ eventId: event.id, subject, status: waiting?.status ?? 'UNKNOWN_ORDER' }, 'documents provided for an order not waiting for them; ignored');

      const documents = logisticsDocuments(event.data.documents ?? []);
      // Without a step on the event, assume it came right after our DocumentsRequested.
      const step = (event.step ?? waiting.step + 1) + 1;
      const declaration = buildDeclaration({ declarationNumber: waiting.declarationNumber, order: waiting.order, documents, waybillNumber: event.data.waybillNumber, declaredAt });
      const submission: Submission = { ...ref, status: 'SUBMITTED', step, documents, waybillNumber: declaration.logistics.waybillNumber, declaredAt };
      declarations.set(subject, { ...waiting, ...submission });
      submitted.set(subject, submission);
      log.info({ eventId: event.id, subject, declarationNumber: declaration.declarationNumber, documents: documents.length }, 'declaration submitted with the logistics documents');
      publish({ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.declarationSubmitted, subject, data: declarationSubmitted(declaration), step, cause: event });
    });
    await submitDeclarations(manager, [...submitted.values()]);
  }
}
