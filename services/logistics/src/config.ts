// The logistics service's timing, read once at start-up: a bad value stops it with one line.
import { Provider } from '@nestjs/common';
import { DEFAULT_RETURN_WINDOW_MS } from '@cbec/domain';
import { readInt } from '@cbec/service-kit';
import type { PickupLockoutPolicy } from './confirm-receipt/pickup-lockout.rule';

export const LOGISTICS_CONFIG = Symbol('LOGISTICS_CONFIG');

export interface LogisticsConfig {
  /** How long goods wait at a pickup location before the pickup expires (CONTRACT 4.4). */
  pickupWindowMs: number;
  /**
   * How long released goods (tax paid, permit issued) wait in the warehouse, being picked and
   * packed, before they leave (IN_TRANSIT). Until then a cancellation still reaches them, with a
   * refund (CONTRACT 7.2). 0: they leave at once, as the release is recorded.
   */
  dispatchDelayMs: number;
  /** How long after completion a retail order may be returned (CONTRACT 7.3). */
  returnWindowMs: number;
  /** Pickup codes cannot be found by trying: wrong codes in a row before a lock-out, and how long it lasts. */
  pickupLockout: PickupLockoutPolicy;
}

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;
export const DEFAULT_PICKUP_CODE_MAX_ATTEMPTS = 5;
export const DEFAULT_PICKUP_CODE_LOCKOUT_MS = 15 * 60 * 1000;

export function readLogisticsConfig(env: NodeJS.ProcessEnv = process.env): LogisticsConfig {
  return {
    pickupWindowMs: readInt(env, 'PICKUP_WINDOW_MS', SEVEN_DAYS_MS, 1),
    dispatchDelayMs: readInt(env, 'DISPATCH_DELAY_MS', 0, 0),
    returnWindowMs: readInt(env, 'RETURN_WINDOW_MS', DEFAULT_RETURN_WINDOW_MS, 1),
    pickupLockout: {
      maxWrongCodes: readInt(env, 'PICKUP_CODE_MAX_ATTEMPTS', DEFAULT_PICKUP_CODE_MAX_ATTEMPTS, 1),
      coolDownMs: readInt(env, 'PICKUP_CODE_LOCKOUT_MS', DEFAULT_PICKUP_CODE_LOCKOUT_MS, 1),
    },
  };
}

export const logisticsConfigProvider: Provider = { provide: LOGISTICS_CONFIG, useFactory: () => readLogisticsConfig() };
