// Pickup codes cannot be found by trying: after `maxWrongCodes` wrong codes in a row an order
// takes no code at all, not even the right one, until `coolDownMs` has passed; then it counts
// afresh. Codes refused while locked out do not count (nor lengthen the lock-out).

export interface PickupLockoutPolicy {
  maxWrongCodes: number;
  coolDownMs: number;
}

export interface PickupCodeAttempts {
  /** Wrong codes since the last lock-out (or ever). */
  wrongCodes: number;
  /** Until when every code is refused; null when codes are taken. */
  lockedUntil: Date | null;
}

export function isLockedOut(attempts: PickupCodeAttempts, now: Date): boolean {
  return attempts.lockedUntil !== null && now.getTime() < attempts.lockedUntil.getTime();
}

/** The attempts after one more wrong code, at `now`, when the order was not locked out. */
export function afterWrongCode(attempts: PickupCodeAttempts, now: Date, policy: PickupLockoutPolicy): PickupCodeAttempts {
  const wrongCodes = attempts.wrongCodes + 1;
  if (wrongCodes >= policy.maxWrongCodes) return { wrongCodes: 0, lockedUntil: new Date(now.getTime() + policy.coolDownMs) };
  return { wrongCodes, lockedUntil: null };
}
