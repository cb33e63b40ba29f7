// What the logistics company hands the declaration for model I: a waybill number when the
// order has none, and a reference for each requested document, tied to the waybill.
import type { AttachedDocument, DocumentKind } from '@cbec/contracts';

const SERIAL_DIGITS = 12;
const MAX_CARRIER_CODE = 4;

/** The prefix of each document's reference: PL-<waybill>, CI-<waybill> (commercial invoice)... */
const REFERENCE_PREFIX: Record<DocumentKind, string> = {
  PACKING_LIST: 'PL',
  INVOICE: 'CI',
  CONTRACT: 'CT',
  TRANSACTION_RECORD: 'TR',
  ORIGIN_CERTIFICATE: 'CO',
};

/**
 * The carrier's code (the leading letters and digits of its name, at most 4: `SF-INTL` -> `SF`)
 * and a 12-digit serial: `SF000000000042`.
 */
export function waybillNumberFor(carrier: string, serial: number | string | bigint): string {
  const digits = String(serial);
  if (!/^\d+$/.test(digits) || digits.length > SERIAL_DIGITS) throw new Error(`waybill serial must be 1-${SERIAL_DIGITS} digits, got "${digits}"`);
  const code = carrier.toUpperCase().match(/^[A-Z0-9]+/)?.[0].slice(0, MAX_CARRIER_CODE) ?? 'WB';
  return `${code}${digits.padStart(SERIAL_DIGITS, '0')}`;
}

/** One document per requested kind (asked twice, given once), in the order asked. */
export function logisticsDocumentsFor(kinds: readonly DocumentKind[], waybillNumber: string): AttachedDocument[] {
  return [...new Set(kinds)].map((kind) => ({ kind, providedBy: 'LOGISTICS', reference: `${REFERENCE_PREFIX[kind]}-${waybillNumber}` }));
}
