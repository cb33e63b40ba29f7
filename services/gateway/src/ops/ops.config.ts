// How long a REST call waits for the owner's answer to an ops command before replying 202, read
// once at start-up.
import { readInt } from '@cbec/service-kit';

export interface OpsConfig {
  commandTimeoutMs: number;
  commandPollMs: number;
}

export const OPS_CONFIG = Symbol('OPS_CONFIG');

export function readOpsConfig(env: NodeJS.ProcessEnv = process.env): OpsConfig {
  return { commandTimeoutMs: readInt(env, 'OPS_COMMAND_TIMEOUT_MS', 5_000, 0), commandPollMs: 100 };
}

export const opsConfigProvider = { provide: OPS_CONFIG, useFactory: () => readOpsConfig() };
