import { contentHashOf } from '@cbec/domain';
import { judgeResubmission } from './resubmission.rule';

describe('judgeResubmission', () => {
  const hash = contentHashOf({ orderId: 'A', items: [1, 2] });

  it.each([
    ['a first order is new', null, hash, 'new'],
    ['the same content again changes nothing', { contentHash: hash, reasonCode: null }, hash, 'same-content'],
    ['the same rejected content again changes nothing', { contentHash: hash, reasonCode: 'PAYMENT_MISMATCH' }, hash, 'same-content'],
    ['different content for a confirmed order conflicts', { contentHash: hash, reasonCode: null }, 'other', 'conflict'],
    ['different content after an intake rejection starts afresh', { contentHash: hash, reasonCode: 'INVALID_ORDER' }, 'other', 'corrected'],
    ['different content after UNSUPPORTED_CURRENCY starts afresh', { contentHash: hash, reasonCode: 'UNSUPPORTED_CURRENCY' }, 'other', 'corrected'],
    ['different content after IDENTITY_MISMATCH starts afresh', { contentHash: hash, reasonCode: 'IDENTITY_MISMATCH' }, 'other', 'corrected'],
    ['different content after a customs rejection conflicts', { contentHash: hash, reasonCode: 'PROHIBITED_GOODS' }, 'other', 'conflict'],
  ] as const)('%s', (_, existing, newHash, expected) => {
    expect(judgeResubmission(existing, newHash)).toBe(expected);
  });

  it('hashes content regardless of key order', () => {
    expect(contentHashOf({ a: 1, b: { c: 2, d: 3 } })).toBe(contentHashOf({ b: { d: 3, c: 2 }, a: 1 }));
    expect(contentHashOf({ a: 1 })).not.toBe(contentHashOf({ a: 2 }));
  });
});
