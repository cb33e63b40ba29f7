// What the after-sale outbound events carry (CONTRACT 7), for the AsyncAPI document.
import { OUTBOUND_EVENTS } from '@cbec/contracts';

export const OUTBOUND_NOTICE_FIELDS: Record<string, string> = {
  [OUTBOUND_EVENTS.cancelled]:
    'The order is withdrawn, after its status-changed to CANCELLED (its last status): reason, cancelledAt, refund? { assessmentId, amount } where tax was paid or withheld (the whole assessed total). The consumer\'s annual quota is given back.',
  [OUTBOUND_EVENTS.returnAccepted]: 'A return of a completed retail order is accepted (status stays COMPLETED): returnId, items [{ sku, quantity }], returnTo { name, address }, returnBy (requestedAt + 45 days).',
  [OUTBOUND_EVENTS.returnCompleted]:
    'The goods of a return are back: returnId, items, refund { duty, consumptionTax, vat, total } (per line, each tax times returned / ordered, half-up), quotaGivenBack. When every unit is back it follows status-changed to RETURNED.',
};
