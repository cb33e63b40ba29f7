// What a customs receipt's returnStatus means (CONTRACT 8.4), once: the Single Window service
// lists refusals to ops by it, inspection moves a review by it.

/** What a CEB622 returnStatus does to an order whose review customs decides. */
export type CustomsReceiptEffect =
  /** 1, 2, 3: stored, declaring, sent to customs: the preNo is recorded. */
  | 'PRE_NO'
  /** 120: accepted by customs; its invtNo becomes the declaration number. */
  | 'ACCEPTED'
  /** 300, 500: manual review, inspection: HELD_FOR_REVIEW. */
  | 'HELD'
  /** 399, 800: review concluded, released: APPROVED. */
  | 'RELEASED'
  /** 100: returned by customs: REJECTED CUSTOMS_RETURNED. */
  | 'RETURNED'
  /** 501, 502, 503, 599, 700: detained, returned abroad: REJECTED CUSTOMS_DETAINED. */
  | 'DETAINED'
  /** 899: closed, a timeline entry only. */
  | 'CLOSED'
  /** 4, or negative: the exchange refused the message; ops fix the cause and re-send. */
  | 'REFUSED'
  /** Any other code: a timeline entry only. */
  | 'NONE';

const EFFECTS: Record<string, CustomsReceiptEffect> = {
  '1': 'PRE_NO',
  '2': 'PRE_NO',
  '3': 'PRE_NO',
  '120': 'ACCEPTED',
  '300': 'HELD',
  '500': 'HELD',
  '399': 'RELEASED',
  '800': 'RELEASED',
  '100': 'RETURNED',
  '501': 'DETAINED',
  '502': 'DETAINED',
  '503': 'DETAINED',
  '599': 'DETAINED',
  '700': 'DETAINED',
  '899': 'CLOSED',
  '4': 'REFUSED',
};

export function customsReceiptEffect(returnStatus: string): CustomsReceiptEffect {
  const code = returnStatus.trim();
  if (/^-\d+$/.test(code)) return 'REFUSED';
  return EFFECTS[code] ?? 'NONE';
}

/** A receipt ops must see: a refusal by the exchange, or a document customs returned (CONTRACT 8.4). */
export function isListedToOps(returnStatus: string): boolean {
  return ['REFUSED', 'RETURNED'].includes(customsReceiptEffect(returnStatus));
}
