// A confirmed order gets its declaration number, then either asks logistics for its documents
// (model I) or is declared at once, with the documents its model attaches.
import { Injectable } from '@nestjs/common';
import { DECLARATION_EVENTS, DocumentsRequestedData, ORDER_EVENTS, OrderConfirmedData, orderKey, TOPICS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { OrderDeclaration } from '../persistence/declaration.entity';
import { nextDeclarationNumber } from '../persistence/declaration-numbers';
import { buildDeclaration, declarationSubmitted, planDeclaration } from './declaration.rule';

@Injectable()
export class DeclareWhenOrderConfirmedHandler implements EventHandler<OrderConfirmedData> {
  readonly eventType = ORDER_EVENTS.orderConfirmed;

  async handle(event: CloudEvent<OrderConfirmedData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const declarations = manager.getRepository(OrderDeclaration);
    if (await declarations.existsBy(ref)) return log.info('order confirmed again but already declared; nothing changes');

    const { order } = event.data;
    const plan = planDeclaration(order);
    const step = (event.step ?? 0) + 1;
    const now = new Date();
    const declarationNumber = await nextDeclarationNumber(manager, now);
    const submitting = plan.action === 'SUBMIT';
    await declarations.insert({
      ...ref,
      clearanceModel: order.clearanceModel,
      declarationNumber,
      status: submitting ? 'SUBMITTED' : 'AWAITING_DOCUMENTS',
      step,
      order,
      documents: submitting ? plan.documents : [],
      waybillNumber: order.logistics.waybillNumber ?? null,
      declaredAt: submitting ? now : null,
    });

    if (!submitting) {
      log.info({ declarationNumber, requested: plan.requestedDocuments }, 'documents requested from logistics');
      const data: DocumentsRequestedData = { ...ref, clearanceModel: order.clearanceModel, requestedDocuments: plan.requestedDocuments, order };
      return publish({ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.documentsRequested, subject, data, step });
    }
    const declaration = buildDeclaration({ declarationNumber, order, documents: plan.documents, declaredAt: now });
    log.info({ declarationNumber, documents: plan.documents.length }, 'declaration submitted');
    publish({ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.declarationSubmitted, subject, data: declarationSubmitted(declaration), step });
  }
}
