// The outbound translator's settings, read and checked once at start-up.
import type { Provider } from '@nestjs/common';
import { readInt } from '@cbec/service-kit';

export const OUTBOUND_CONFIG = Symbol('OUTBOUND_CONFIG');

export interface OutboundConfig {
  /** How long an event ahead of its step waits for the gap to fill; past it, it is given up. */
  heldEventHorizonMs: number;
  /** How often held events are checked against the horizon: a tenth of it, from 1 s to a minute. */
  heldEventSweepMs: number;
}

export function readOutboundConfig(env: NodeJS.ProcessEnv = process.env): OutboundConfig {
  const heldEventHorizonMs = readInt(env, 'HELD_EVENT_HORIZON_MS', 3_600_000, 1_000);
  return { heldEventHorizonMs, heldEventSweepMs: Math.min(60_000, Math.max(1_000, Math.round(heldEventHorizonMs / 10))) };
}

export const outboundConfigProvider: Provider = { provide: OUTBOUND_CONFIG, useFactory: () => readOutboundConfig() };
