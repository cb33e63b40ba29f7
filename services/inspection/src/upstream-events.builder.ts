// Builders of the events inspection consumes, for its integration spec: a declaration filed from
// anOrder() data, a platform's proof, an officer's decision, a tariff change, a customs receipt.
import { createHash, randomUUID } from 'node:crypto';
import {
  CustomsReceiptData,
  DECLARATION_EVENTS,
  Declaration,
  DeclarationEventData,
  DocumentKind,
  InspectionDecisionData,
  OPS_COMMANDS,
  OrderPlacedData,
  orderKey,
  PLATFORM_EVENTS,
  SINGLE_WINDOW_EVENTS,
  TAX_PERMIT_EVENTS,
  TariffChangedData,
  TariffEntryData,
} from '@cbec/contracts';
import { CloudEvent, createEvent } from '@cbec/messaging';
import { platformEvent } from '@cbec/testing';

export function declarationOf(order: OrderPlacedData): Declaration {
  return {
    platformId: order.platformId,
    orderId: order.orderId,
    declarationNumber: `DEC${order.orderId}`,
    clearanceModel: order.clearanceModel,
    ...(order.bondedZone ? { bondedZone: order.bondedZone } : {}),
    placedAt: order.placedAt,
    currency: order.currency,
    consignee: order.consumer,
    logistics: { carrier: order.logistics.carrier, waybillNumber: order.logistics.waybillNumber ?? `SF-ASSIGNED-${order.orderId}` },
    payment: { provider: order.payment.provider, transactionId: order.payment.transactionId, amount: order.payment.amount },
    items: order.items,
    freight: order.freight ?? '0.00',
    insurance: order.insurance ?? '0.00',
    documents: [],
    declaredAt: new Date().toISOString(),
  };
}

export function declarationSubmitted(order: OrderPlacedData, step: number): CloudEvent<DeclarationEventData> {
  const declaration = declarationOf(order);
  return createEvent({
    type: DECLARATION_EVENTS.declarationSubmitted,
    source: '/services/declaration',
    subject: orderKey(order.platformId, order.orderId),
    data: { platformId: order.platformId, orderId: order.orderId, clearanceModel: order.clearanceModel, declaration },
    step,
  });
}

/** A proof-submitted platform event holding one document of each kind given. */
export function proofSubmitted(order: OrderPlacedData, kinds: DocumentKind[], change: (data: any) => void = () => undefined) {
  const data = {
    platformId: order.platformId,
    orderId: order.orderId,
    documents: kinds.map((kind) => ({ kind, fileName: `${kind.toLowerCase()}.pdf`, sha256: createHash('sha256').update(`${order.orderId}/${kind}`).digest('hex') })),
  };
  change(data);
  return platformEvent(PLATFORM_EVENTS.proofSubmitted, data);
}

export function inspectionDecision(order: Pick<OrderPlacedData, 'platformId' | 'orderId'>, decision: InspectionDecisionData['decision'], note?: string): CloudEvent<InspectionDecisionData> {
  return createEvent({
    type: OPS_COMMANDS.decideInspection,
    source: '/services/gateway',
    subject: orderKey(order.platformId, order.orderId),
    data: { platformId: order.platformId, orderId: order.orderId, decision, decidedBy: 'officer-007', ...(note ? { note } : {}) },
  });
}

export function tariffChanged(entry: TariffEntryData): CloudEvent<TariffChangedData> {
  return createEvent({ type: TAX_PERMIT_EVENTS.tariffChanged, source: '/services/tax-permit', subject: `tariff/${entry.hsPrefix}`, data: { entry } });
}

/** A CEB622 receipt as the Single Window service publishes it (CONTRACT 8.4). */
export function inventoryReceipt(order: OrderPlacedData, returnStatus: string, extra: Partial<CustomsReceiptData> = {}): CloudEvent<CustomsReceiptData> {
  const data: CustomsReceiptData = {
    platformId: order.platformId,
    orderId: order.orderId,
    clearanceModel: order.clearanceModel,
    messageType: 'CEB622',
    guid: randomUUID().toUpperCase(),
    returnStatus,
    returnInfo: `customs returnStatus ${returnStatus}`,
    at: new Date().toISOString(),
    ...extra,
  };
  return createEvent({ type: SINGLE_WINDOW_EVENTS.receiptRecorded, source: '/services/single-window', subject: orderKey(order.platformId, order.orderId), data });
}
