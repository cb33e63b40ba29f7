// The ops service's settings, read once at start-up: how long a REST call waits for the owner's
// answer to an ops command before replying 202, and where the gateway's read model answers
// whether an order is known.
import type { Provider } from '@nestjs/common';
import { readInt } from '@cbec/service-kit';

export interface OpsConfig {
  commandTimeoutMs: number;
  commandPollMs: number;
  /** The gateway's base URL: GATEWAY_URL, else 127.0.0.1 on GATEWAY_PORT (3000). */
  gatewayUrl: string;
}

export const OPS_CONFIG = Symbol('OPS_CONFIG');

export function readOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  return {
    commandTimeoutMs: readInt(env, 'OPS_COMMAND_TIMEOUT_MS', 5_000, 0),
    commandPollMs: 100,
    gatewayUrl: env.GATEWAY_URL ?? `http://127.0.0.1:${readInt(env, 'GATEWAY_PORT', 3000, 1)}`,
  };
}

export const opsConfigProvider: Provider = { provide: OPS_CONFIG, useFactory: () => readOpsConfig() };
