// Configuration read and checked once at start-up: a bad variable stops the process with one line.
import { readFileSync } from 'node:fs';
import type { KafkaSecurity } from '@cbec/messaging';

export interface BaseConfig {
  kafkaBrokers: string[];
  /** TLS and SASL of the cluster, when it asks for them. */
  kafkaSecurity: KafkaSecurity;
  /** The service's own database: `<SERVICE>_DATABASE_URL` if set, else DATABASE_URL. */
  databaseUrl: string;
  kafkaPartitions: number;
  /** Unset: 3 on a cluster of at least 3 brokers, else 1 (libs/messaging/src/topics.ts). */
  kafkaReplicationFactor?: number;
  /** Unset: 2 when the replication factor is 3 or more, else 1. */
  kafkaMinInsyncReplicas?: number;
  host: string;
  /** How long processed event ids are kept to recognise a redelivery (the inbox's dedup window). */
  dedupWindowMs: number;
  /** How long published outbox rows are kept for inspection. */
  outboxRetentionMs: number;
}

export class ConfigError extends Error {}

/** The configuration of `service` (its database may be its own); without one, the shared database. */
export function readBaseConfig(env: NodeJS.ProcessEnv = process.env, service?: string): BaseConfig {
  const ownDatabase = service && databaseVariable(service);
  return {
    kafkaBrokers: readList(env, 'KAFKA_BROKERS', '127.0.0.1:9092'),
    kafkaSecurity: readKafkaSecurity(env),
    databaseUrl: ownDatabase && env[ownDatabase] ? readUrl(env, ownDatabase, '') : readUrl(env, 'DATABASE_URL', 'postgres://postgres@127.0.0.1:5432/cbec'),
    kafkaPartitions: readInt(env, 'KAFKA_PARTITIONS', 6, 1),
    kafkaReplicationFactor: readOptionalInt(env, 'KAFKA_REPLICATION_FACTOR', 1),
    kafkaMinInsyncReplicas: readOptionalInt(env, 'KAFKA_MIN_INSYNC_REPLICAS', 1),
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

function readOptionalInt(env: NodeJS.ProcessEnv, name: string, min: number): number | undefined {
  return env[name] === undefined || env[name] === '' ? undefined : readInt(env, name, min, min);
}

/** The variable that points one service at a database of its own: TAX_PERMIT_DATABASE_URL for tax-permit. */
export function databaseVariable(service: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`;
}

const SASL_MECHANISMS = ['plain', 'scram-sha-256', 'scram-sha-512'] as const;

/**
 * KAFKA_SSL=true (KAFKA_SSL_CA_FILE: a CA to trust besides the system's), KAFKA_SASL_MECHANISM
 * with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD: what a managed or secured cluster asks for.
 */
export function readKafkaSecurity(env: NodeJS.ProcessEnv): KafkaSecurity {
  const security: KafkaSecurity = {};
  const ssl = env.KAFKA_SSL ?? '';
  if (!['', 'true', 'false'].includes(ssl)) throw new ConfigError(`KAFKA_SSL must be true or false, got "${ssl}"`);
  if (ssl === 'true') {
    const caFile = env.KAFKA_SSL_CA_FILE;
    if (!caFile) security.ssl = true;
    else {
      try {
        security.ssl = { ca: [readFileSync(caFile, 'utf8')] };
      } catch (error) {
        throw new ConfigError(`KAFKA_SSL_CA_FILE cannot be read: ${(error as Error).message}`);
      }
    }
  }
  const mechanism = env.KAFKA_SASL_MECHANISM;
  if (mechanism) {
    if (!(SASL_MECHANISMS as readonly string[]).includes(mechanism)) throw new ConfigError(`KAFKA_SASL_MECHANISM must be one of ${SASL_MECHANISMS.join(', ')}, got "${mechanism}"`);
    const { KAFKA_SASL_USERNAME: username, KAFKA_SASL_PASSWORD: password } = env;
    if (!username || !password) throw new ConfigError('KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD');
    security.sasl = { mechanism: mechanism as (typeof SASL_MECHANISMS)[number], username, password } as KafkaSecurity['sasl'];
  }
  return security;
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
    // The URL may hold a password: only its shape is said.
    throw new ConfigError(`${name} must be a postgres:// URL, got "${raw.replace(/:[^:@/]*@/, ':***@')}"`);
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
