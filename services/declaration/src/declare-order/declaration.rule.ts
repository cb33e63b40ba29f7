// What a confirmed order's declaration holds, and whether it must first wait for the logistics
// company's documents. Per-model differences come from CLEARANCE_MODEL_RULES only.
import {
  AttachedDocument,
  CLEARANCE_MODEL_RULES,
  Declaration,
  DeclarationEventData,
  DocumentKind,
  OrderPlacedData,
} from '@cbec/contracts';

/** What model I asks the logistics company for: packing list, invoice and contract. */
export const LOGISTICS_DOCUMENT_KINDS: readonly DocumentKind[] = ['PACKING_LIST', 'INVOICE', 'CONTRACT'];

export type DeclarationPlan =
  | { action: 'REQUEST_DOCUMENTS'; requestedDocuments: DocumentKind[] }
  | { action: 'SUBMIT'; documents: AttachedDocument[] };

export function planDeclaration(order: OrderPlacedData): DeclarationPlan {
  const rules = CLEARANCE_MODEL_RULES[order.clearanceModel];
  if (rules.requestsLogisticsDocuments) return { action: 'REQUEST_DOCUMENTS', requestedDocuments: [...LOGISTICS_DOCUMENT_KINDS] };
  return { action: 'SUBMIT', documents: rules.attachesOrderDocuments ? orderDocuments(order) : [] };
}

/** The invoice and transaction record a bonded declaration builds from the order and its payment. */
export function orderDocuments(order: OrderPlacedData): AttachedDocument[] {
  return [
    { kind: 'INVOICE', providedBy: 'ORDER', reference: `INV-${order.orderId}` },
    { kind: 'TRANSACTION_RECORD', providedBy: 'ORDER', reference: order.payment.transactionId },
  ];
}

/** The documents logistics provided, as the declaration attaches them. */
export function logisticsDocuments(provided: readonly AttachedDocument[]): AttachedDocument[] {
  return provided.map(({ kind, reference }) => ({ kind, providedBy: 'LOGISTICS', reference }));
}

export interface DeclarationInput {
  declarationNumber: string;
  order: OrderPlacedData;
  documents: AttachedDocument[];
  /** The waybill logistics provided; else the order's own. */
  waybillNumber?: string | null;
  declaredAt: Date;
}

export function buildDeclaration({ declarationNumber, order, documents, waybillNumber, declaredAt }: DeclarationInput): Declaration {
  const waybill = waybillNumber || order.logistics.waybillNumber;
  // Intake requires a waybill outside model I, and logistics assigns one in model I.
  if (!waybill) throw new Error(`order ${order.platformId}/${order.orderId} has no waybill number to declare`);
  return {
    declarationNumber,
    platformId: order.platformId,
    orderId: order.orderId,
    clearanceModel: order.clearanceModel,
    ...(order.bondedZone ? { bondedZone: order.bondedZone } : {}),
    placedAt: order.placedAt,
    currency: order.currency,
    consignee: order.consumer,
    logistics: { carrier: order.logistics.carrier, waybillNumber: waybill, ...(order.logistics.transport ? { transport: order.logistics.transport } : {}) },
    payment: { provider: order.payment.provider, transactionId: order.payment.transactionId, amount: order.payment.amount },
    items: order.items,
    freight: order.freight ?? '0.00',
    insurance: order.insurance ?? '0.00',
    documents,
    declaredAt: declaredAt.toISOString(),
  };
}

export function declarationSubmitted(declaration: Declaration): DeclarationEventData {
  return { platformId: declaration.platformId, orderId: declaration.orderId, clearanceModel: declaration.clearanceModel, declaration };
}
