// Model I: the logistics company's documents (and its waybill) complete a waiting declaration,
// which is then filed (declaration-outcome.rule). Documents for an order not waiting for them are
// a stray internal event: there is no platform request to refuse, so they are logged and ignored.
// A run of them is taken together: one locking read, one update.
import { Injectable } from '@nestjs/common';
import { DocumentsProvidedData, LOGISTICS_EVENTS } from '@cbec/contracts';
import { BatchContext, CloudEvent, decideInTurn, EventHandler, ordersOf } from '@cbec/messaging';
import { lockDeclarations, submitDeclarations } from '../persistence/declaration-store';
import { declarationWithDocuments } from './declaration-outcome.rule';

@Injectable()
export class DeclareWhenDocumentsProvidedHandler implements EventHandler<DocumentsProvidedData> {
  readonly eventType = LOGISTICS_EVENTS.documentsProvided;

  async handleAll(events: CloudEvent<DocumentsProvidedData>[], context: BatchContext): Promise<void> {
    const declarations = await lockDeclarations(context.manager, ordersOf(events));
    const declaredAt = new Date();
    const submitted = await decideInTurn(events, declarations, context, (event, waiting, { subject, log }) => {
      const about = { eventId: event.id, subject };
      if (waiting?.status !== 'AWAITING_DOCUMENTS') return log.warn({ ...about, status: waiting?.status ?? 'UNKNOWN_ORDER' }, 'documents provided for an order not waiting for them; ignored');
      const outcome = declarationWithDocuments(waiting, event.data, event.step, subject, declaredAt);
      log.info({ ...about, declarationNumber: waiting.declarationNumber, documents: outcome.state.documents.length }, 'declaration submitted with the logistics documents');
      return outcome;
    });
    await submitDeclarations(context.manager, submitted);
  }
}
