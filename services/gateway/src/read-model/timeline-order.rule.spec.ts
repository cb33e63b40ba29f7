import type { TimelineRecord } from './clearance-record';
import { arrangeTimeline } from './timeline-order.rule';

const T0 = Date.parse('2026-11-11T00:00:00.000Z');
const at = (seconds: number) => new Date(T0 + seconds * 1000).toISOString();

function status(id: string, step: number, seconds: number, causationId: string | null = null): TimelineRecord {
  return { eventId: id, kind: 'status', type: `status-${id}`, status: 'DECLARED', at: at(seconds), service: 'declaration', customsCode: null, reasonCode: null, step, causationId, receipt: null };
}
function refusal(id: string, step: number | null, seconds: number, causationId: string | null = null): TimelineRecord {
  return { eventId: id, kind: 'refusal', type: `refusal-${id}`, status: null, at: at(seconds), service: 'tax-permit', customsCode: null, reasonCode: 'PAYMENT_AMOUNT_MISMATCH', step, causationId, receipt: null };
}
function request(id: string, seconds: number): TimelineRecord {
  return { eventId: id, kind: 'platform', type: `platform-${id}`, status: null, at: at(seconds), service: 'gateway', customsCode: null, reasonCode: null, step: null, causationId: null, receipt: null };
}

function receipt(id: string, seconds: number, returnStatus = '2'): TimelineRecord {
  return {
    eventId: id,
    kind: 'receipt',
    type: 'customs-receipt',
    status: null,
    at: at(seconds),
    service: 'single-window',
    customsCode: Number(returnStatus),
    reasonCode: null,
    step: null,
    causationId: null,
    receipt: { messageType: 'CEB622', returnStatus, returnInfo: 'ok', guid: id.toUpperCase() },
  };
}

const idsOf = (entries: TimelineRecord[]) => arrangeTimeline(entries).map((e) => e.eventId);

/** Every order of the input gives the same timeline. */
function expectArrangedFromAnyOrder(entries: TimelineRecord[], expected: string[]) {
  expect(idsOf(entries)).toEqual(expected);
  expect(idsOf([...entries].reverse())).toEqual(expected);
  expect(idsOf([...entries.slice(1), entries[0]])).toEqual(expected);
}

describe('arrangeTimeline', () => {
  it('puts status events in step order, whatever their times and arrival', () => {
    expectArrangedFromAnyOrder([status('s3', 3, 5), status('s1', 1, 9), status('s2', 2, 1)], ['s1', 's2', 's3']);
  });

  it('puts the order-placed that caused the first status before it, even when its clock is late', () => {
    expectArrangedFromAnyOrder([status('confirmed', 1, 1, 'placed'), request('placed', 30)], ['placed', 'confirmed']);
  });

  it('puts a platform request just before the status it caused, after the step it answered', () => {
    const entries = [status('requested', 4, 10), status('received', 5, 20, 'proof'), status('approved', 6, 21), request('proof', 15)];
    expectArrangedFromAnyOrder(entries, ['requested', 'proof', 'received', 'approved']);
  });

  it('puts a request before the first of the several steps it caused (tax paid, then permit)', () => {
    const entries = [status('assessed', 5, 10), status('paid', 6, 20, 'payment'), status('permit', 7, 20, 'payment'), request('payment', 15)];
    expectArrangedFromAnyOrder(entries, ['assessed', 'payment', 'paid', 'permit']);
  });

  it('tells a refused payment, its refusal, then the correct payment and the status it caused, in that order', () => {
    const entries = [
      status('assessed', 5, 10),
      request('wrong', 11),
      refusal('refused', 5, 12, 'wrong'),
      request('right', 13),
      status('paid', 6, 14, 'right'),
    ];
    expectArrangedFromAnyOrder(entries, ['assessed', 'wrong', 'refused', 'right', 'paid']);
  });

  it('puts a request before its refusal even when the platform\'s clock runs ahead', () => {
    expectArrangedFromAnyOrder([status('assessed', 5, 10), request('early', 99), refusal('refused', 5, 12, 'early')], ['assessed', 'early', 'refused']);
  });

  it('puts a corrected order after the rejection of the first one', () => {
    const entries = [request('first', 1), status('rejected', 1, 2, 'first'), request('second', 3), status('confirmed', 2, 4, 'second')];
    expectArrangedFromAnyOrder(entries, ['first', 'rejected', 'second', 'confirmed']);
  });

  it('puts a request that caused nothing (a re-sent duplicate) after the last status entered by its time', () => {
    const entries = [status('s1', 1, 1), status('s2', 2, 10), status('s3', 3, 20), request('again', 12)];
    expectArrangedFromAnyOrder(entries, ['s1', 's2', 'again', 's3']);
  });

  it('puts a refusal with no step by its time, like a request', () => {
    expectArrangedFromAnyOrder([status('s1', 1, 1), status('s2', 2, 10), refusal('loose', null, 5)], ['s1', 'loose', 's2']);
  });

  it('puts what is about an unknown order (step 0) by time, a request before its refusal', () => {
    expectArrangedFromAnyOrder([refusal('refused', 0, 2, 'pay'), request('pay', 2)], ['pay', 'refused']);
  });

  it('breaks a tie of everything by event id', () => {
    expectArrangedFromAnyOrder([request('b', 5), request('a', 5)], ['a', 'b']);
  });

  it('puts a customs receipt by its time among the entries, whenever it arrived', () => {
    const entries = [status('declared', 5, 10), status('review', 6, 11), receipt('declaring', 12), receipt('accepted', 13, '120'), receipt('released', 14, '800'), status('approved', 7, 15)];
    expectArrangedFromAnyOrder(entries, ['declared', 'review', 'declaring', 'accepted', 'released', 'approved']);
  });

  it('puts a receipt after a request of the same step and time, and among the requests by time', () => {
    expectArrangedFromAnyOrder([status('assessed', 5, 10), receipt('bill', 12), request('early', 11), request('late', 13)], ['assessed', 'early', 'bill', 'late']);
    expectArrangedFromAnyOrder([status('assessed', 5, 10), receipt('bill', 12), request('same', 12)], ['assessed', 'same', 'bill']);
  });

  it('puts a receipt older than every status (a clock behind) first, after nothing', () => {
    expectArrangedFromAnyOrder([status('confirmed', 1, 10), receipt('early', 5)], ['early', 'confirmed']);
  });
});
