import { Custody, judgeCancellation } from './cancellation';
import { contentHashOf } from './content-hash';

const request = (change: Record<string, unknown> = {}) => ({ platformId: 'tmall-global', orderId: 'TG-1', reason: 'the consumer changed their mind', requestedAt: '2026-11-11T09:00:00+08:00', ...change });
const judge = (custody: Custody, data: Record<string, unknown>, acceptedHash: string | null = null) => judgeCancellation(custody, data, contentHashOf(data), acceptedHash);

describe('judgeCancellation', () => {
  it('passes the request on when the order was handed on, whatever its content', () => {
    expect(judge({ kind: 'HANDED_ON', to: 'inspection' }, request({ reason: '' }))).toEqual({ kind: 'forward', to: 'inspection' });
  });

  it('accepts a valid request for an order it holds', () => {
    expect(judge({ kind: 'HOLDING' }, request())).toMatchObject({ kind: 'accepted', request: { reason: 'the consumer changed their mind' } });
  });

  it.each([
    ['an unknown order', 'UNKNOWN_ORDER', 'UNEXPECTED_EVENT'],
    ['a rejected order', 'REJECTED', 'UNEXPECTED_EVENT'],
    ['a cancelled order', 'CANCELLED', 'UNEXPECTED_EVENT'],
    ['goods that moved (IN_TRANSIT on, COMPLETED, RETURNED)', 'GOODS_MOVED', 'CANCELLATION_TOO_LATE'],
  ] as const)('refuses %s with %s, before looking at the content', (_, because, reasonCode) => {
    expect(judge({ kind: 'ENDED', because }, request({ reason: '' }))).toMatchObject({ kind: 'refused', reasonCode });
  });

  it('refuses an invalid request for an order it holds with INVALID_REQUEST and every field error', () => {
    const verdict = judge({ kind: 'HOLDING' }, request({ reason: 'x'.repeat(501), requestedAt: 'now' }));
    expect(verdict).toMatchObject({ kind: 'refused', reasonCode: 'INVALID_REQUEST' });
    expect(verdict.kind === 'refused' && verdict.details!.map((d) => d.field).sort()).toEqual(['reason', 'requestedAt']);
  });

  it('ignores a re-send of the accepted cancellation, even under a new id, and refuses another with UNEXPECTED_EVENT', () => {
    const accepted = contentHashOf(request());
    expect(judge({ kind: 'ENDED', because: 'CANCELLED' }, request(), accepted)).toEqual({ kind: 'already-accepted' });
    expect(judge({ kind: 'ENDED', because: 'CANCELLED' }, request({ reason: 'another' }), accepted)).toMatchObject({ kind: 'refused', reasonCode: 'UNEXPECTED_EVENT' });
  });
});
