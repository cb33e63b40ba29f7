// A confirmed order gets its declaration number, then either asks logistics for its documents
// (model I) or is declared at once, with the documents its model attaches (declaration-outcome.rule).
// A run of confirmed orders is declared together: one read, one draw of numbers, one insert.
import { Injectable } from '@nestjs/common';
import { nextStep, ORDER_EVENTS, OrderConfirmedData } from '@cbec/contracts';
import { BatchContext, CloudEvent, decideInTurn, EventHandler, firstEventsOfNewOrders, ordersOf } from '@cbec/messaging';
import { nextDeclarationNumbers } from '../persistence/declaration-numbers';
import { declaredOrders, insertDeclarations } from '../persistence/declaration-store';
import { declarationOfConfirmed } from './declaration-outcome.rule';

@Injectable()
export class DeclareWhenOrderConfirmedHandler implements EventHandler<OrderConfirmedData> {
  readonly eventType = ORDER_EVENTS.orderConfirmed;

  async handleAll(events: CloudEvent<OrderConfirmedData>[], context: BatchContext): Promise<void> {
    const declared = await declaredOrders(context.manager, ordersOf(events));
    const now = new Date();
    const numbers = await nextDeclarationNumbers(context.manager, firstEventsOfNewOrders(events, declared).length, now);
    const rows = await decideInTurn(events, declared, context, (event, known, { ref, subject, log }) => {
      const about = { eventId: event.id, subject };
      if (known) return log.info(about, 'order confirmed again but already declared; nothing changes');
      const outcome = declarationOfConfirmed(event.data, ref, subject, numbers.shift()!, nextStep(event), now);
      if (outcome.kind === 'documents-requested') log.info({ ...about, declarationNumber: outcome.state.declarationNumber, requested: outcome.requestedDocuments }, 'documents requested from logistics');
      else log.info({ ...about, declarationNumber: outcome.state.declarationNumber, documents: outcome.state.documents.length }, 'declaration submitted');
      return outcome;
    });
    await insertDeclarations(context.manager, rows);
  }
}
