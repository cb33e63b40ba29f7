// The particulars of an order for ops (the console's order page): consignee, payment, logistics,
// items and documents, as the status events carry them (the accepted order on order-confirmed,
// the declaration on every step from DECLARED on, documents from logistics and the platform's
// proof). ID numbers and phones are masked before they are kept: the read model never holds them.
// Applied in step order with the status events, so a rebuild gives the same particulars.
import type { AttachedDocument, Declaration, OrderPlacedData } from '@cbec/contracts';
import { DECLARATION_EVENTS, INSPECTION_EVENTS, LOGISTICS_EVENTS, ORDER_EVENTS } from '@cbec/contracts';
import { maskPersonalData } from '@cbec/privacy';

export interface ParticularsDocument {
  kind: string;
  /** Who provided it: the logistics company, the order and payment data, or the platform (proof). */
  providedBy: 'LOGISTICS' | 'ORDER' | 'PLATFORM';
  /** A reference, or the file name of a proof. */
  reference: string;
  sha256?: string;
}

export interface ClearanceParticulars {
  placedAt?: string;
  currency?: string;
  bondedZone?: string;
  consignee?: OrderPlacedData['consumer'];
  payment?: Partial<OrderPlacedData['payment']>;
  logistics?: { carrier?: string; waybillNumber?: string };
  items?: OrderPlacedData['items'];
  freight?: string;
  insurance?: string;
  declaredAt?: string;
  documents: ParticularsDocument[];
}

interface EventData {
  order?: OrderPlacedData;
  declaration?: Declaration;
  documents?: (AttachedDocument | { kind: string; fileName: string; sha256: string })[];
  waybillNumber?: string;
  carrier?: string;
}

/** The particulars after a status event; unchanged (the same object) when it carries none. */
export function particularsAfter(before: ClearanceParticulars | null, eventType: string, data: EventData): ClearanceParticulars | null {
  const parts: Partial<ClearanceParticulars>[] = [];
  if (data.order && (eventType === ORDER_EVENTS.orderConfirmed || eventType === DECLARATION_EVENTS.documentsRequested)) parts.push(fromOrder(data.order));
  if (data.declaration) parts.push(fromDeclaration(data.declaration));
  if (eventType === LOGISTICS_EVENTS.documentsProvided) parts.push({ documents: attached(data.documents), logistics: { waybillNumber: data.waybillNumber } });
  if (eventType === INSPECTION_EVENTS.proofReceived) parts.push({ documents: proofs(data.documents) });
  if (eventType === LOGISTICS_EVENTS.dispatched) parts.push({ logistics: { carrier: data.carrier, waybillNumber: data.waybillNumber } });
  if (parts.length === 0) return before;
  return maskPersonalData(parts.reduce<ClearanceParticulars>(merge, before ?? { documents: [] })) as ClearanceParticulars;
}

function fromOrder(order: OrderPlacedData): Partial<ClearanceParticulars> {
  const { placedAt, currency, bondedZone, consumer, payment, logistics, items, freight, insurance } = order;
  return { placedAt, currency, bondedZone, consignee: consumer, payment, logistics, items, freight, insurance };
}

function fromDeclaration(declaration: Declaration): Partial<ClearanceParticulars> {
  const { placedAt, currency, bondedZone, consignee, payment, logistics, items, freight, insurance, declaredAt, documents } = declaration;
  return { placedAt, currency, bondedZone, consignee, payment, logistics, items, freight, insurance, declaredAt, documents: attached(documents) };
}

function attached(documents: EventData['documents']): ParticularsDocument[] {
  return (documents ?? []).filter((d): d is AttachedDocument => 'reference' in d).map(({ kind, providedBy, reference }) => ({ kind, providedBy, reference }));
}

function proofs(documents: EventData['documents']): ParticularsDocument[] {
  return (documents ?? []).filter((d): d is { kind: string; fileName: string; sha256: string } => 'fileName' in d).map(({ kind, fileName, sha256 }) => ({ kind, providedBy: 'PLATFORM', reference: fileName, sha256 }));
}

/** Later facts win field by field; objects merge; documents add up, each once. */
function merge(before: ClearanceParticulars, next: Partial<ClearanceParticulars>): ClearanceParticulars {
  const merged: ClearanceParticulars = { ...before };
  for (const [name, value] of Object.entries(next) as [keyof ClearanceParticulars, unknown][]) {
    if (value === undefined || name === 'documents') continue;
    const earlier = before[name];
    (merged as unknown as Record<string, unknown>)[name] = isPlainObject(value) && isPlainObject(earlier) ? { ...earlier, ...definedOnly(value) } : value;
  }
  const seen = new Set(before.documents.map(documentKey));
  merged.documents = [...before.documents, ...(next.documents ?? []).filter((d) => !seen.has(documentKey(d)) && seen.add(documentKey(d)))];
  return merged;
}

const documentKey = (d: ParticularsDocument) => `${d.kind}|${d.providedBy}|${d.reference}`;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function definedOnly(value: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined));
}
