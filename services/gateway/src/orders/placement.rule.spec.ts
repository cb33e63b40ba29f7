import type { ClearanceStatus } from '@cbec/contracts';
import { contentHashOf, judgePlacement, KnownOrder } from './placement.rule';

describe('judgePlacement', () => {
  const hash = contentHashOf({ orderId: 'A', items: [1, 2] });
  const other = contentHashOf({ orderId: 'A', items: [1, 3] });
  const view = (status: ClearanceStatus, reasonCode: string | null = null) => ({ status, reasonCode });

  it.each<[string, KnownOrder, string, string]>([
    ['an order the gateway never saw is new', { acceptedHash: null, view: null }, hash, 'new'],
    ['the same content again changes nothing', { acceptedHash: hash, view: view('DECLARED') }, hash, 'same-content'],
    ['the same content of an order rejected at intake changes nothing', { acceptedHash: hash, view: view('REJECTED', 'PAYMENT_MISMATCH') }, hash, 'same-content'],
    ['the same content before the view exists changes nothing', { acceptedHash: hash, view: null }, hash, 'same-content'],
    ['different content for an order on its way conflicts', { acceptedHash: hash, view: view('TAX_ASSESSED') }, other, 'conflict'],
    ['different content for an order rejected by customs conflicts', { acceptedHash: hash, view: view('REJECTED', 'PROHIBITED_GOODS') }, other, 'conflict'],
    ['different content after INVALID_ORDER starts afresh', { acceptedHash: hash, view: view('REJECTED', 'INVALID_ORDER') }, other, 'corrected'],
    ['different content after UNSUPPORTED_CURRENCY starts afresh', { acceptedHash: hash, view: view('REJECTED', 'UNSUPPORTED_CURRENCY') }, other, 'corrected'],
    ['different content after IDENTITY_MISMATCH starts afresh', { acceptedHash: hash, view: view('REJECTED', 'IDENTITY_MISMATCH') }, other, 'corrected'],
    ['different content after PAYMENT_MISMATCH starts afresh', { acceptedHash: hash, view: view('REJECTED', 'PAYMENT_MISMATCH') }, other, 'corrected'],
    ['an order known only from Kafka is forwarded for the order service to judge', { acceptedHash: null, view: view('ORDER_CONFIRMED') }, hash, 'forward'],
    ['an order known only from Kafka and rejected at intake is forwarded too (its content is unknown here)', { acceptedHash: null, view: view('REJECTED', 'INVALID_ORDER') }, hash, 'forward'],
  ])('%s', (_, known, contentHash, expected) => {
    expect(judgePlacement(known, contentHash)).toBe(expected);
  });
});

describe('contentHashOf', () => {
  it('ignores key order and absent fields', () => {
    expect(contentHashOf({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHashOf({ b: { d: 3, c: 2 }, a: 1 }));
    expect(contentHashOf({ a: 1, b: undefined })).toBe(contentHashOf({ a: 1 }));
  });

  it('tells different content apart, array order included', () => {
    expect(contentHashOf({ a: 1 })).not.toBe(contentHashOf({ a: 2 }));
    expect(contentHashOf({ a: [1, 2] })).not.toBe(contentHashOf({ a: [2, 1] }));
  });
});
