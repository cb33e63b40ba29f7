// The logistics service's timing, read once at start-up: a bad value stops it with one line.
import { Provider } from '@nestjs/common';
import { readInt } from '@cbec/service-kit';

export const LOGISTICS_CONFIG = Symbol('LOGISTICS_CONFIG');

export interface LogisticsConfig {
  /** How long goods wait at a pickup location before the pickup expires (CONTRACT 4.4). */
  pickupWindowMs: number;
}

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000;

export function readLogisticsConfig(env: NodeJS.ProcessEnv = process.env): LogisticsConfig {
  return { pickupWindowMs: readInt(env, 'PICKUP_WINDOW_MS', SEVEN_DAYS_MS, 1) };
}

export const logisticsConfigProvider: Provider = { provide: LOGISTICS_CONFIG, useFactory: () => readLogisticsConfig() };
