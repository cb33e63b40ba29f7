// What declaring an order changes and publishes: a confirmed order's declaration waits for the
// logistics company's documents (model I) or is filed at once (planDeclaration); a waiting one is
// filed when the documents come, at the step after them.
import { DECLARATION_EVENTS, DocumentKind, DocumentsProvidedData, DocumentsRequestedData, OrderConfirmedData, OrderRef, TOPICS } from '@cbec/contracts';
import type { Decided } from '@cbec/messaging';
import type { DeclarationRow } from '../persistence/declaration-store';
import { buildDeclaration, declarationSubmitted, logisticsDocuments, planDeclaration } from './declaration.rule';

export type DeclarationOutcome = Decided<DeclarationRow> & { state: DeclarationRow } & ({ kind: 'documents-requested'; requestedDocuments: DocumentKind[] } | { kind: 'submitted' });

/** A confirmed order declared under its new number, at `step`. */
export function declarationOfConfirmed({ order }: OrderConfirmedData, ref: OrderRef, subject: string, declarationNumber: string, step: number, now: Date): DeclarationOutcome {
  const plan = planDeclaration(order);
  const waybillNumber = order.logistics.waybillNumber ?? null;
  if (plan.action === 'REQUEST_DOCUMENTS') {
    const state: DeclarationRow = { ...ref, clearanceModel: order.clearanceModel, declarationNumber, status: 'AWAITING_DOCUMENTS', step, order, documents: [], waybillNumber, declaredAt: null };
    const data: DocumentsRequestedData = { ...ref, clearanceModel: order.clearanceModel, requestedDocuments: plan.requestedDocuments, order };
    return { kind: 'documents-requested', requestedDocuments: plan.requestedDocuments, state, publish: [{ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.documentsRequested, subject, data, step }] };
  }
  const state: DeclarationRow = { ...ref, clearanceModel: order.clearanceModel, declarationNumber, status: 'SUBMITTED', step, order, documents: plan.documents, waybillNumber, declaredAt: now };
  const declaration = buildDeclaration({ declarationNumber, order, documents: plan.documents, declaredAt: now });
  return { kind: 'submitted', state, publish: [{ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.declarationSubmitted, subject, data: declarationSubmitted(declaration), step }] };
}

/** A declaration waiting for the logistics documents, filed with them and their waybill. `providedStep`: the step of the documents' event, if it has one. */
export function declarationWithDocuments(waiting: DeclarationRow, provided: DocumentsProvidedData, providedStep: number | undefined, subject: string, declaredAt: Date): DeclarationOutcome {
  const documents = logisticsDocuments(provided.documents ?? []);
  // Without a step on the event, assume it came right after our DocumentsRequested.
  const step = (providedStep ?? waiting.step + 1) + 1;
  const declaration = buildDeclaration({ declarationNumber: waiting.declarationNumber, order: waiting.order, documents, waybillNumber: provided.waybillNumber, declaredAt });
  const state: DeclarationRow = { ...waiting, status: 'SUBMITTED', step, documents, waybillNumber: declaration.logistics.waybillNumber, declaredAt };
  return { kind: 'submitted', state, publish: [{ topic: TOPICS.declarationEvents, type: DECLARATION_EVENTS.declarationSubmitted, subject, data: declarationSubmitted(declaration), step }] };
}
