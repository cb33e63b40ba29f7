import { contentHashOf } from './content-hash';
import { DEFAULT_RETURN_WINDOW_MS, isWithinReturnWindow, judgeReturnArrival, judgeReturnRequest, ReturnableOrder } from './return-requests';

const completedAt = new Date('2026-11-15T02:00:00.000Z');
const WINDOW = DEFAULT_RETURN_WINDOW_MS;
const order = (change: Partial<ReturnableOrder> = {}): ReturnableOrder => ({
  status: 'COMPLETED',
  clearanceModel: 'BONDED_ZONE',
  completedAt,
  items: [{ sku: 'CREAM', quantity: 3 }, { sku: 'SERUM', quantity: 1 }],
  returns: [],
  ...change,
});
const request = (change: Record<string, unknown> = {}) => ({
  platformId: 'tmall-global',
  orderId: 'TG-1',
  returnId: 'R-1',
  items: [{ sku: 'CREAM', quantity: 1 }],
  reason: 'changed my mind',
  requestedAt: '2026-11-20T10:00:00+08:00',
  ...change,
});
const soon = new Date(completedAt.getTime() + 60_000);
const judge = (o: ReturnableOrder | null, data: Record<string, unknown>, now = soon) => judgeReturnRequest(o, data, contentHashOf(data), now, WINDOW);
const reasonOf = (o: ReturnableOrder | null, data: Record<string, unknown>, now = soon) => {
  const verdict = judge(o, data, now);
  return verdict.kind === 'refused' ? verdict.reasonCode : verdict.kind;
};

describe('judgeReturnRequest: the checks in contract order, the first failure is the answer', () => {
  const late = new Date(completedAt.getTime() + WINDOW + 1);
  const tooMany = { items: [{ sku: 'CREAM', quantity: 4 }] };
  const badShape = { items: [] };
  const generalTrade = order({ clearanceModel: 'GENERAL_TRADE' });
  const pickedUpNot = order({ status: 'READY_FOR_PICKUP', completedAt: null });

  it.each([
    ['the shape, before the state', pickedUpNot, badShape, soon, 'INVALID_REQUEST'],
    ['the state, before the model', order({ status: 'CANCELLED', clearanceModel: 'GENERAL_TRADE' }), tooMany, late, 'UNEXPECTED_EVENT'],
    ['an unknown order, as the state', null, {}, soon, 'UNEXPECTED_EVENT'],
    ['the model, before the window', generalTrade, tooMany, late, 'RETURN_NOT_ALLOWED'],
    ['the window, before the quantities', order(), tooMany, late, 'RETURN_WINDOW_CLOSED'],
    ['the quantities, last', order(), tooMany, soon, 'RETURN_QUANTITY_EXCEEDED'],
    ['a sku not on the order, as a quantity', order(), { items: [{ sku: 'NOPE', quantity: 1 }] }, soon, 'RETURN_QUANTITY_EXCEEDED'],
    ['a RETURNED order, as the state', order({ status: 'RETURNED' }), {}, soon, 'UNEXPECTED_EVENT'],
  ])('%s', (_, o, change, now, reasonCode) => {
    expect(reasonOf(o, request(change), now)).toBe(reasonCode);
  });

  it('lists every field error of the shape at once', () => {
    const verdict = judge(order(), request({ returnId: 'has space', items: [{ sku: 'A', quantity: 0 }, { sku: 'A', quantity: 1 }], reason: '', requestedAt: 'yesterday' }));
    expect(verdict.kind === 'refused' && verdict.details!.map((d) => d.field).sort()).toEqual(['items', 'items[0].quantity', 'reason', 'requestedAt', 'returnId']);
  });

  it('adds what earlier returns asked to the quantity asked', () => {
    const earlier = { returnId: 'R-0', contentHash: 'h', items: [{ sku: 'CREAM', quantity: 2 }] };
    expect(reasonOf(order({ returns: [earlier] }), request({ items: [{ sku: 'CREAM', quantity: 1 }] }))).toBe('accepted');
    expect(reasonOf(order({ returns: [earlier] }), request({ items: [{ sku: 'CREAM', quantity: 2 }] }))).toBe('RETURN_QUANTITY_EXCEEDED');
  });

  it('ignores a re-send of an accepted return (same content), and refuses its returnId with other content', () => {
    const first = request();
    const accepted = order({ returns: [{ returnId: 'R-1', contentHash: contentHashOf(first), items: [{ sku: 'CREAM', quantity: 1 }] }] });
    expect(judge(accepted, { ...first })).toEqual({ kind: 'already-accepted' });
    const other = judge(accepted, request({ items: [{ sku: 'SERUM', quantity: 1 }] }));
    expect(other).toMatchObject({ kind: 'refused', reasonCode: 'INVALID_REQUEST', details: [{ field: 'returnId' }] });
  });

  it('accepts with returnBy 45 days after requestedAt', () => {
    expect(judge(order(), request())).toMatchObject({ kind: 'accepted', returnBy: '2027-01-04T02:00:00.000Z' });
  });
});

describe('isWithinReturnWindow: the boundary', () => {
  it.each([
    [0, true],
    [WINDOW - 1, true],
    [WINDOW, true],
    [WINDOW + 1, false],
  ])('%i ms after completion is %s', (after, within) => {
    expect(isWithinReturnWindow(completedAt, new Date(completedAt.getTime() + after), WINDOW)).toBe(within);
  });

  it('follows a configured window', () => {
    expect(isWithinReturnWindow(completedAt, new Date(completedAt.getTime() + 5_000), 5_000)).toBe(true);
    expect(isWithinReturnWindow(completedAt, new Date(completedAt.getTime() + 5_001), 5_000)).toBe(false);
  });
});

describe('judgeReturnArrival', () => {
  const arrival = { platformId: 'tmall-global', orderId: 'TG-1', returnId: 'R-1', receivedAt: '2026-11-25T10:00:00+08:00' };

  it('is UNEXPECTED_EVENT for an unknown returnId, before the shape', () => {
    expect(judgeReturnArrival(null, { receivedAt: 'no' }, 'h')).toMatchObject({ kind: 'refused', reasonCode: 'UNEXPECTED_EVENT' });
  });

  it('is UNEXPECTED_EVENT for a completed return, but ignores the re-send of its own arrival', () => {
    const hash = contentHashOf(arrival);
    expect(judgeReturnArrival({ status: 'COMPLETED', receiptHash: hash }, arrival, hash)).toEqual({ kind: 'already-accepted' });
    expect(judgeReturnArrival({ status: 'COMPLETED', receiptHash: hash }, { ...arrival, receivedAt: '2026-11-26T10:00:00+08:00' }, 'other')).toMatchObject({ kind: 'refused', reasonCode: 'UNEXPECTED_EVENT' });
  });

  it('is INVALID_REQUEST for a bad shape of an awaited return, and accepts a good one', () => {
    expect(judgeReturnArrival({ status: 'ACCEPTED', receiptHash: null }, { ...arrival, receivedAt: 'soon' }, 'h')).toMatchObject({ kind: 'refused', reasonCode: 'INVALID_REQUEST', details: [{ field: 'receivedAt' }] });
    expect(judgeReturnArrival({ status: 'ACCEPTED', receiptHash: null }, arrival, 'h')).toMatchObject({ kind: 'accepted' });
  });
});
