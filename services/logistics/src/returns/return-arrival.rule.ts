// What a platform's return-received does (CONTRACT 7.3): judged against the return it names
// (libs/domain judgeReturnArrival); accepted, the return refunds its lines and gives back their
// quota (giveBackOfReturn, adding up over partial returns), and says whether it brought the
// order's last unit back, which makes the order RETURNED.
import type { Declaration, ReturnedItem, ReturnReceivedData, ReturnRefund, ReturnStatus, TaxAssessmentNotice } from '@cbec/contracts';
import { giveBackOfReturn, isEveryUnitBack, judgeReturnArrival, Refused, returnableLinesOf } from '@cbec/domain';

/** What the rule needs of the shipment: the items and their assessment, to refund from. */
export interface ReturningShipment {
  declaration: Pick<Declaration, 'items'> | null;
  assessment: Pick<TaxAssessmentNotice, 'lines'> | null;
}

/** A return of the order as recorded. */
export interface RecordedReturn {
  returnId: string;
  status: ReturnStatus;
  receiptHash: string | null;
  items: ReturnedItem[];
}

export type ReturnArrival =
  | { kind: 'already-accepted' }
  | Refused
  | { kind: 'completed'; awaited: RecordedReturn; arrival: ReturnReceivedData; refund: ReturnRefund; quotaGivenBack: string; everyUnitBack: boolean };

export function judgeReturnReceived(shipment: ReturningShipment | null, returns: readonly RecordedReturn[], data: unknown, contentHash: string, subject: string): ReturnArrival {
  const returnId = (data as { returnId?: unknown })?.returnId;
  const awaited = returns.find((candidate) => candidate.returnId === returnId) ?? null;
  const verdict = judgeReturnArrival(awaited, data, contentHash);
  if (verdict.kind !== 'accepted') return verdict;

  const { declaration, assessment } = shipment!;
  if (!declaration || !assessment) throw new Error(`order ${subject} was handed over without its declaration or assessment: its return cannot be refunded`);
  const lines = returnableLinesOf(declaration.items, assessment.lines);
  const completedBefore = returns.filter((earlier) => earlier.status === 'COMPLETED');
  const { refund, quotaGivenBack } = giveBackOfReturn(lines, unitsBack(completedBefore), awaited!.items);
  const everyUnitBack = isEveryUnitBack(lines, unitsBack([...completedBefore, awaited!]));
  return { kind: 'completed', awaited: awaited!, arrival: verdict.arrival, refund, quotaGivenBack, everyUnitBack };
}

/** Per sku, the units the given returns brought back. */
function unitsBack(returns: readonly Pick<RecordedReturn, 'items'>[]): Record<string, number> {
  const back: Record<string, number> = {};
  for (const { sku, quantity } of returns.flatMap((completed) => completed.items)) back[sku] = (back[sku] ?? 0) + quantity;
  return back;
}
