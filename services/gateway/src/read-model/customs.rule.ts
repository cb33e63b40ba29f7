// Customs' receipts in the read model (CONTRACT 8.4, 8.5): the timeline entry of a receipt, and
// the view's `customs` with the declaration number customs gives. Both are made from the order's
// receipts alone, whatever order they and the order's other events came in (a rebuild reads the
// topics one after the other): the numbers from the latest receipt that carries one, the last
// receipt by customs' time, the tax bill of the latest CEB816 compared with the order's
// assessment. A receipt never changes the status: inspection's events do.
import type { CustomsReceiptData, CustomsTaxBill, TaxAssessmentNotice } from '@cbec/contracts';
import { taxBillMatchesAssessment } from '@cbec/domain';
import type { ClearanceView, CustomsView, ReceiptDetails, TimelineRecord } from './clearance-record';

/** The `type` of a receipt's timeline entry. */
export const CUSTOMS_RECEIPT_ENTRY = 'customs-receipt';

/** What a receipt-recorded event says, read leniently: it is our own service's, but a bad field must not stop the read model. */
export function receiptDetailsOf(data: Partial<Record<keyof CustomsReceiptData, unknown>>): ReceiptDetails {
  const taxBill = taxBillOf(data.taxBill);
  return {
    messageType: textOf(data.messageType) ?? 'unknown',
    returnStatus: textOf(data.returnStatus) ?? '',
    returnInfo: textOf(data.returnInfo) ?? '',
    guid: textOf(data.guid) ?? '',
    ...optional('preNo', textOf(data.preNo)),
    ...optional('invtNo', textOf(data.invtNo)),
    ...(taxBill ? { taxBill } : {}),
  };
}

/** A returnStatus as the timeline's customsCode: customs' status codes are integers ("120", "-301010"). */
export function customsCodeOf(returnStatus: string): number | null {
  if (!/^-?\d{1,9}$/.test(returnStatus)) return null;
  return Number(returnStatus);
}

/** The view with what the receipts of the timeline tell: `customs`, and customs' invtNo as the declaration number. */
export function withCustoms(view: ClearanceView, timeline: TimelineRecord[]): ClearanceView {
  const customs = customsOf(timeline, view.taxAssessment);
  if (!customs) return view;
  return { ...view, customs, declarationNumber: customs.invtNo ?? view.declarationNumber };
}

export function customsOf(timeline: TimelineRecord[], assessment: TaxAssessmentNotice | null): CustomsView | undefined {
  const receipts = timeline.filter((entry): entry is TimelineRecord & { receipt: ReceiptDetails } => entry.kind === 'receipt' && entry.receipt !== null).sort(byCustomsTime);
  const last = receipts.at(-1);
  if (!last) return undefined;
  const latest = <T>(pick: (receipt: ReceiptDetails) => T | undefined): T | undefined =>
    receipts
      .map((entry) => pick(entry.receipt))
      .filter((value) => value !== undefined)
      .at(-1);
  const preNo = latest((receipt) => receipt.preNo);
  // Only an inventory list's receipt gives the inventory number (CEB622 120, and those after it).
  const invtNo = latest((receipt) => (receipt.messageType === 'CEB622' ? receipt.invtNo : undefined));
  const bill = latest((receipt) => (receipt.messageType === 'CEB816' ? receipt.taxBill : undefined));
  const { messageType, returnStatus, returnInfo } = last.receipt;
  return {
    ...optional('preNo', preNo),
    ...optional('invtNo', invtNo),
    lastReceipt: { messageType, returnStatus, returnInfo, at: last.at },
    ...(bill ? { taxBill: comparedBill(bill, assessment) } : {}),
  };
}

/**
 * The bill compared with the assessment the view holds; while it holds none, as the Single
 * Window service compared it (null: it had none either). The tax bill usually comes with the
 * release, before the order is assessed.
 */
function comparedBill(bill: CustomsTaxBill, assessment: TaxAssessmentNotice | null): CustomsTaxBill {
  const matchesAssessment = assessment?.totals ? taxBillMatchesAssessment(bill, assessment.totals) : bill.matchesAssessment;
  return { ...bill, matchesAssessment };
}

/** Customs' time, then the receipt's guid, then the event id: the same order whatever the arrival. */
function byCustomsTime(a: TimelineRecord & { receipt: ReceiptDetails }, b: TimelineRecord & { receipt: ReceiptDetails }): number {
  return a.at.localeCompare(b.at) || a.receipt.guid.localeCompare(b.receipt.guid) || a.eventId.localeCompare(b.eventId);
}

function taxBillOf(value: unknown): CustomsTaxBill | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const bill = value as Record<string, unknown>;
  const [taxNo, customsTax, valueAddedTax, consumptionTax] = [bill.taxNo, bill.customsTax, bill.valueAddedTax, bill.consumptionTax].map(textOf);
  if (taxNo === undefined || customsTax === undefined || valueAddedTax === undefined || consumptionTax === undefined) return undefined;
  return { taxNo, customsTax, valueAddedTax, consumptionTax, matchesAssessment: typeof bill.matchesAssessment === 'boolean' ? bill.matchesAssessment : null };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function optional<K extends string>(name: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [name]: value } as Record<K, string>);
}
