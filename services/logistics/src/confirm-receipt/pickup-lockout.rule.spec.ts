import { afterWrongCode, isLockedOut, PickupCodeAttempts } from './pickup-lockout.rule';

describe('the pickup lock-out', () => {
  const policy = { maxWrongCodes: 5, coolDownMs: 15 * 60_000 };
  const now = new Date('2026-11-13T10:00:00Z');
  const fresh: PickupCodeAttempts = { wrongCodes: 0, lockedUntil: null };
  const wrong = (times: number, from = fresh) => Array.from({ length: times }).reduce<PickupCodeAttempts>((attempts) => afterWrongCode(attempts, now, policy), from);

  it.each([
    [1, { wrongCodes: 1, lockedUntil: null }],
    [4, { wrongCodes: 4, lockedUntil: null }],
    [5, { wrongCodes: 0, lockedUntil: new Date('2026-11-13T10:15:00Z') }],
  ])('after %i wrong code(s) in a row: %o', (times, expected) => {
    expect(wrong(times)).toEqual(expected);
  });

  it('takes codes until the fifth wrong one, then none for the cool-down', () => {
    expect(isLockedOut(wrong(4), now)).toBe(false);
    expect(isLockedOut(wrong(5), now)).toBe(true);
    expect(isLockedOut(wrong(5), new Date('2026-11-13T10:14:59.999Z'))).toBe(true);
  });

  it('takes codes again once the cool-down has passed, and counts afresh', () => {
    const lockedOut = wrong(5);
    const later = new Date('2026-11-13T10:15:00Z');
    expect(isLockedOut(lockedOut, later)).toBe(false);
    expect(afterWrongCode(lockedOut, later, policy)).toEqual({ wrongCodes: 1, lockedUntil: null });
  });

  it('locks out at the first wrong code when only one is allowed', () => {
    expect(afterWrongCode(fresh, now, { maxWrongCodes: 1, coolDownMs: 1000 })).toEqual({ wrongCodes: 0, lockedUntil: new Date('2026-11-13T10:00:01Z') });
  });
});
