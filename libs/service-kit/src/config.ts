// Configuration read and checked once at start-up: a bad variable stops the process with one line.

export interface BaseConfig {
  kafkaBrokers: string[];
  databaseUrl: string;
  kafkaPartitions: number;
  host: string;
  /** How long processed event ids are kept to recognise a redelivery (the inbox's dedup window). */
  dedupWindowMs: number;
  /** How long published outbox rows are kept for inspection. */
  outboxRetentionMs: number;
}

export class ConfigError extends Error {}

export function readBaseConfig(env: NodeJS.ProcessEnv = process.env): BaseConfig {
  return {
    kafkaBrokers: readList(env, 'KAFKA_BROKERS', '127.0.0.1:9092'),
    databaseUrl: readUrl(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/cbec'),
    kafkaPartitions: readInt(env, 'KAFKA_PARTITIONS', 6, 1),
    host: env.HOST ?? '0.0.0.0',
    dedupWindowMs: readInt(env, 'DEDUP_WINDOW_MS', 7 * 86_400_000, 60_000),
    outboxRetentionMs: readInt(env, 'OUTBOX_RETENTION_MS', 3_600_000, 0),
  };
}

export function readInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be an integer of at least ${min}, got "${raw}"`);
  return value;
}

export function readRate(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0 || value > 1) throw new ConfigError(`${name} must be a number from 0 to 1, got "${raw}"`);
  return value;
}

function readList(env: NodeJS.ProcessEnv, name: string, fallback: string): string[] {
  const list = (env[name] || fallback).split(',').map((item) => item.trim()).filter(Boolean);
  if (list.length === 0 || list.some((item) => !/^[^:\s]+:\d+$/.test(item))) throw new ConfigError(`${name} must be host:port[,host:port...], got "${env[name]}"`);
  return list;
}

function readUrl(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name] || fallback;
  try {
    const url = new URL(raw);
    if (!url.protocol.startsWith('postgres')) throw new Error();
    return raw;
  } catch {
    throw new ConfigError(`${name} must be a postgres:// URL, got "${raw}"`);
  }
}

/** The HTTP port of a service: `<SERVICE>_PORT` (e.g. TAX_PERMIT_PORT), else its default. */
export function servicePort(service: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  return readInt(env, `${service.toUpperCase().replace(/-/g, '_')}_PORT`, fallback, 1);
}

/** How the system talks to the Single Window (CONTRACT 8.1): `off` (the built-in review decides) or `folder`. */
export const SINGLE_WINDOW_MODES = ['off', 'folder'] as const;
export type SingleWindowMode = (typeof SINGLE_WINDOW_MODES)[number];

export function readSingleWindowMode(env: NodeJS.ProcessEnv = process.env): SingleWindowMode {
  const raw = env.SINGLE_WINDOW_MODE || 'off';
  if (!(SINGLE_WINDOW_MODES as readonly string[]).includes(raw)) throw new ConfigError(`SINGLE_WINDOW_MODE must be one of ${SINGLE_WINDOW_MODES.join(', ')}, got "${raw}"`);
  return raw as SingleWindowMode;
}
