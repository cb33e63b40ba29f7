// What the logistics company hands the declaration for model I: a waybill number when the
// order has none, and a reference for each requested document, tied to the waybill.
import { AttachedDocument, DocumentKind, DocumentsProvidedData, DocumentsRequestedData, LOGISTICS_EVENTS, TOPICS } from '@cbec/contracts';
import type { Decided } from '@cbec/messaging';
import { BLANK_SHIPMENT, ShipmentRow } from '../persistence/shipment-store';

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

/** The shipment the documents open (DOCUMENTS_READY at `step`) and the answer to the declaration. */
export function shipmentWithDocuments(request: DocumentsRequestedData, waybillNumber: string, step: number, subject: string): Decided<ShipmentRow> & { state: ShipmentRow } {
  const { platformId, orderId, clearanceModel, requestedDocuments, order } = request;
  const documents = logisticsDocumentsFor(requestedDocuments, waybillNumber);
  const state: ShipmentRow = { ...BLANK_SHIPMENT, platformId, orderId, status: 'DOCUMENTS_READY', step, clearanceModel, carrier: order.logistics.carrier, waybillNumber, documents };
  const data: DocumentsProvidedData = { platformId, orderId, clearanceModel, documents, waybillNumber };
  return { state, publish: [{ topic: TOPICS.logisticsEvents, type: LOGISTICS_EVENTS.documentsProvided, subject, data, step }] };
}
