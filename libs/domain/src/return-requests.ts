// How a platform's return requests are judged (CONTRACT 7.3). return-requested: a re-send of an
// accepted return is ignored; then, in the contract's order, the first failure is the answer:
// the shape (a returnId already used with other content is a shape error of `returnId`), the
// order is COMPLETED, its model takes returns, the window, the quantities. return-received: a
// re-send is ignored; then the state (a return accepted and not yet completed), then the shape.
import { CLEARANCE_MODEL_RULES, ClearanceModel, FieldError, RefusalReason, ReturnReceivedData, ReturnRequestedData, validatePayload } from '@cbec/contracts';

/** CONTRACT 7.3 default: returns are accepted within 30 days of completedAt. */
export const DEFAULT_RETURN_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
/** The goods must be back within 45 days of the request (`returnBy`). */
export const RETURN_BY_MS = 45 * 24 * 60 * 60 * 1000;

export interface ReturnableOrder {
  /** The order's status as the returns owner knows it: only COMPLETED takes returns. */
  status: string;
  clearanceModel: ClearanceModel;
  completedAt: Date | null;
  /** The order's items: quantities ordered per sku. */
  items: readonly { sku: string; quantity: number }[];
  /** Every return accepted for the order so far. */
  returns: readonly { returnId: string; contentHash: string; items: readonly { sku: string; quantity: number }[] }[];
}

export type Refused = { kind: 'refused'; reasonCode: RefusalReason; message: string; details?: FieldError[] };
export type ReturnRequestJudgement = { kind: 'already-accepted' } | Refused | { kind: 'accepted'; request: ReturnRequestedData; returnBy: string };

export function judgeReturnRequest(order: ReturnableOrder | null, data: unknown, contentHash: string, now: Date, windowMs: number): ReturnRequestJudgement {
  const returnId = (data as { returnId?: unknown } | null)?.returnId;
  const sameId = order?.returns.find((earlier) => earlier.returnId === returnId);
  if (sameId?.contentHash === contentHash) return { kind: 'already-accepted' };

  const { value: request, errors } = validatePayload(ReturnRequestedData, data);
  if (!request) return refused('INVALID_REQUEST', 'the return request is invalid', errors);
  if (sameId) return refused('INVALID_REQUEST', `returnId ${request.returnId} is already used by another return of this order`, [{ field: 'returnId', message: `returnId ${request.returnId} is already used with other content` }]);
  if (!order || order.status !== 'COMPLETED') return refused('UNEXPECTED_EVENT', order ? `the order is ${order.status}; only a COMPLETED order can be returned` : 'no completed order to return');
  if (!CLEARANCE_MODEL_RULES[order.clearanceModel].returnsTo) return refused('RETURN_NOT_ALLOWED', `${order.clearanceModel} orders cannot be returned: returns are for cross-border retail (DIRECT_MAIL, BONDED_ZONE)`);
  if (!order.completedAt || !isWithinReturnWindow(order.completedAt, now, windowMs)) {
    return refused('RETURN_WINDOW_CLOSED', `returns are accepted within ${formatWindow(windowMs)} of completion (${order.completedAt?.toISOString()})`);
  }
  const excess = excessOf(order, request.items);
  if (excess.length > 0) return refused('RETURN_QUANTITY_EXCEEDED', 'more units asked back than the order has left to return', excess);
  return { kind: 'accepted', request, returnBy: new Date(Date.parse(request.requestedAt) + RETURN_BY_MS).toISOString() };
}

/** Within the window up to and including its last millisecond. */
export function isWithinReturnWindow(completedAt: Date, at: Date, windowMs: number): boolean {
  return at.getTime() - completedAt.getTime() <= windowMs;
}

/** Per sku asked: not on the order, or more than ordered less what earlier returns asked. */
function excessOf(order: ReturnableOrder, asked: readonly { sku: string; quantity: number }[]): FieldError[] {
  return asked.flatMap(({ sku, quantity }, index) => {
    const ordered = order.items.filter((item) => item.sku === sku).reduce((sum, item) => sum + item.quantity, 0);
    const field = `items[${index}].quantity`;
    if (ordered === 0) return [{ field: `items[${index}].sku`, message: `sku ${sku} is not on the order` }];
    const earlier = order.returns.flatMap((earlierReturn) => earlierReturn.items).filter((item) => item.sku === sku).reduce((sum, item) => sum + item.quantity, 0);
    if (earlier + quantity <= ordered) return [];
    return [{ field, message: `${quantity} of ${sku} asked, but ${ordered} were ordered and earlier returns asked ${earlier}` }];
  });
}

export interface AcceptedReturn {
  status: 'ACCEPTED' | 'COMPLETED';
  receiptHash: string | null;
}

export type ReturnArrivalJudgement = { kind: 'already-accepted' } | Refused | { kind: 'accepted'; arrival: ReturnReceivedData };

export function judgeReturnArrival(accepted: AcceptedReturn | null, data: unknown, contentHash: string): ReturnArrivalJudgement {
  if (accepted?.receiptHash === contentHash) return { kind: 'already-accepted' };
  if (!accepted) return refused('UNEXPECTED_EVENT', 'no return of this order has that returnId');
  if (accepted.status === 'COMPLETED') return refused('UNEXPECTED_EVENT', 'that return is already completed');
  const { value, errors } = validatePayload(ReturnReceivedData, data);
  if (!value) return refused('INVALID_REQUEST', 'the return arrival is invalid', errors);
  return { kind: 'accepted', arrival: value };
}

function refused(reasonCode: RefusalReason, message: string, details?: FieldError[]): Refused {
  return { kind: 'refused', reasonCode, message, ...(details ? { details } : {}) };
}

function formatWindow(ms: number): string {
  const days = ms / 86_400_000;
  return Number.isInteger(days) ? `${days} days` : `${ms} ms`;
}
