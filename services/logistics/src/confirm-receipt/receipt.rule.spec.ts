import { contentHashOf } from '@cbec/domain';
import { judgeReceipt } from './receipt.rule';

describe('judgeReceipt', () => {
  const delivery = { handOver: 'DELIVERY', pickupCode: null } as const;
  const pickup = { handOver: 'PICKUP', pickupCode: '042917' } as const;

  it.each([
    ['a signature for a delivery', delivery, { method: 'SIGNATURE' }, { accepted: true }],
    ['a signature for a delivery, a stray code ignored', delivery, { method: 'SIGNATURE', pickupCode: '1' }, { accepted: true }],
    ['a pickup with the right code', pickup, { method: 'PICKUP', pickupCode: '042917' }, { accepted: true }],
    ['a pickup for a delivery', delivery, { method: 'PICKUP', pickupCode: '042917' }, { accepted: false, reasonCode: 'INVALID_REQUEST', field: 'method' }],
    ['a signature for a pickup', pickup, { method: 'SIGNATURE' }, { accepted: false, reasonCode: 'INVALID_REQUEST', field: 'method' }],
    ['a signature for a pickup, even with the right code', pickup, { method: 'SIGNATURE', pickupCode: '042917' }, { accepted: false, reasonCode: 'INVALID_REQUEST', field: 'method' }],
    ['a pickup with a wrong code', pickup, { method: 'PICKUP', pickupCode: '042918' }, { accepted: false, reasonCode: 'PICKUP_CODE_MISMATCH', field: 'pickupCode' }],
    ['a pickup with the code without its leading zero', pickup, { method: 'PICKUP', pickupCode: '42917' }, { accepted: false, reasonCode: 'PICKUP_CODE_MISMATCH', field: 'pickupCode' }],
    ['a pickup with no code', pickup, { method: 'PICKUP' }, { accepted: false, reasonCode: 'PICKUP_CODE_MISMATCH', field: 'pickupCode' }],
    ['a pickup when no code was ever given', { handOver: 'PICKUP', pickupCode: null }, { method: 'PICKUP', pickupCode: '' }, { accepted: false, reasonCode: 'PICKUP_CODE_MISMATCH', field: 'pickupCode' }],
  ] as const)('judges %s', (_, expected, receipt, outcome) => {
    const verdict = judgeReceipt(expected, receipt);
    if (outcome.accepted) return expect(verdict).toEqual({ accepted: true });
    expect(verdict).toMatchObject({ accepted: false, reasonCode: outcome.reasonCode, details: [{ field: outcome.field }] });
  });

  describe('while the order is locked out after too many wrong codes', () => {
    const lockedOut = { ...pickup, lockedOutUntil: new Date('2026-11-13T10:15:00Z') };

    it('refuses even the right code with PICKUP_CODE_MISMATCH, saying until when, and does not count it', () => {
      const verdict = judgeReceipt(lockedOut, { method: 'PICKUP', pickupCode: '042917' });
      expect(verdict).toEqual({
        accepted: false,
        reasonCode: 'PICKUP_CODE_MISMATCH',
        message: 'too many wrong pickup codes: no code is taken before 2026-11-13T10:15:00.000Z',
        details: [{ field: 'pickupCode', message: 'too many wrong pickup codes: no code is taken before 2026-11-13T10:15:00.000Z' }],
      });
    });

    it('still refuses a signature as INVALID_REQUEST first', () => {
      expect(judgeReceipt(lockedOut, { method: 'SIGNATURE' })).toMatchObject({ reasonCode: 'INVALID_REQUEST' });
    });
  });

  it('counts a wrong code, and only a wrong code, towards the lock-out', () => {
    expect(judgeReceipt(pickup, { method: 'PICKUP', pickupCode: '000000' })).toMatchObject({ wrongCode: true });
    expect(judgeReceipt(pickup, { method: 'SIGNATURE' })).not.toHaveProperty('wrongCode');
  });

  it('names the method the hand-over needs', () => {
    expect(judgeReceipt({ handOver: 'PICKUP', pickupCode: '1' }, { method: 'SIGNATURE' })).toMatchObject({ message: expect.stringContaining('method must be PICKUP') });
  });
});

describe('contentHashOf', () => {
  it('hashes content regardless of key order', () => {
    expect(contentHashOf({ method: 'PICKUP', pickupCode: '1', orderId: 'A' })).toBe(contentHashOf({ orderId: 'A', pickupCode: '1', method: 'PICKUP' }));
    expect(contentHashOf({ method: 'PICKUP', pickupCode: '1' })).not.toBe(contentHashOf({ method: 'PICKUP', pickupCode: '2' }));
  });
});
