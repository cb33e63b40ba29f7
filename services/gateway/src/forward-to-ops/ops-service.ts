// Where the ops service answers (OPS_URL, else 127.0.0.1 on OPS_PORT, 3106), and which of the
// gateway's paths it serves: clients keep calling them on the gateway's port (CONTRACT 5).
import { readInt } from '@cbec/service-kit';

export function opsServiceUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.OPS_URL ?? `http://127.0.0.1:${readInt(env, 'OPS_PORT', 3106, 1)}`;
}

/** Ops commands and their answers, dead letters, the cluster, inspection decisions, tariffs, and the console's files. */
const SERVED_BY_OPS = [/^\/v1\/ops\/(commands|dead-letters|topics|pipeline)(\/|$)/, /^\/v1\/inspections\//, /^\/v1\/tariffs(\/|$)/, /^\/console\//, /^\/$/];

export function isServedByOps(path: string): boolean {
  return SERVED_BY_OPS.some((pattern) => pattern.test(path));
}
