// A confirmed order gets its declaration number, then either asks logistics for its documents
// (model I) or is declared at once, with the documents its model attaches. A run of confirmed
// orders is declared together: one read, one draw of numbers, one insert.
import { Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DocumentsRequestedData, ORDER_EVENTS, OrderConfirmedData, nextStep, orderKey, TOPICS } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, EventHandler, forEachEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { nextDeclarationNumbers } from '../persistence/declaration-numbers';
import { DeclarationRow, declaredOrders, insertDeclarations } from '../persistence/declaration-store';
import { buildDeclaration, declarationSubmitted, planDeclaration } from './declaration.rule';

@Injectable()
export class DeclareWhenOrderConfirmedHandler implements EventHandler<OrderConfirmedData> {
  readonly eventType = ORDER_EVENTS.orderConfirmed;

  handle(event: CloudEvent<OrderConfirmedData>, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent<OrderConfirmedData>[], context: BatchContext): Promise<void> {
    const declared = await declaredOrders(context.manager, events.map((event) => orderRefOf(event)!));
    const now = new Date();
    // One number per order not declared yet, however often it comes in the run.
    const numbers = await nextDeclarationNumbers(context.manager, new Set(events.map(keyOf).filter((key) => !declared.has(key))).size, now);
    const rows: DeclarationRow[] = [];
    await forEachEvent(events, (event) => {
      if (declared.has(keyOf(event))) return context.log.info({ eventId: event.id, subject: keyOf(event) }, 'order confirmed again but already declared; nothing changes');
      declared.add(keyOf(event));
      rows.push(this.declare(event, numbers.shift()!, now, context));
    });
    await insertDeclarations(context.manager, rows);
  }

  /** The order's declaration, waiting for documents or filed; publishes which. */
  private declare(event: CloudEvent<OrderConfirmedData>, declarationNumber: string, now: Date, { publish, log }: BatchContext): DeclarationRow {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const { order } = event.data;
    const plan = planDeclaration(order);
    const step = nextStep(event);
    const submitting = plan.action === 'SUBMIT';
    const row: DeclarationRow = { ...ref, clearanceModel: order.clearanceModel, declarationNumber, status: submitting ? 'SUBMITTED' : 'AWAITING_DOCUMENTS', step, order, documents: submitting ? plan.documents : [], waybillNumber: order.logistics.waybillNumber ?? null, declaredAt: submitting ? now : null };

    if (!submitting) {
      log.info({ eventId: event.id, subject, declarationNumber, requested: plan.requestedDocuments }, 'documents requested from logistics');
      const data: DocumentsRequestedData = { ...ref, clearanceModel: order.clearanceModel, requestedDocuments: plan.requestedDocuments, order };
      publish({ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.documentsRequested, subject, data, step, cause: event });
      return row;
    }
    const declaration = buildDeclaration({ declarationNumber, order, documents: plan.documents, declaredAt: now });
    log.info({ eventId: event.id, subject, declarationNumber, documents: plan.documents.length }, 'declaration submitted');
    publish({ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.declarationSubmitted, subject, data: declarationSubmitted(declaration), step, cause: event });
    return row;
  }
}

function keyOf(event: CloudEvent): string {
  const { platformId, orderId } = orderRefOf(event)!;
  return orderKey(platformId, orderId);
}
