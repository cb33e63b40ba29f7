// CloudEvents 1.0 envelope (CONTRACT 1): built here, written in structured JSON mode, and read
// from structured mode, from a bare JSON object with `specversion`, or from binary mode.
import { randomUUID } from 'node:crypto';

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';

/**
 * A copy of the event's type in a header of every message we publish, so a consumer can pass
 * over the types it does not handle without parsing them. Only our own topics are read by it.
 */
export const EVENT_TYPE_HEADER = 'cbec-event-type';

export interface CloudEvent<T = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  data: T;
  /** The first event of the chain (CloudEvents extension). */
  correlationid?: string;
  /** The event that caused this one (CloudEvents extension). */
  causationid?: string;
  /** The order's step: its cause's + 1, so a reader of several topics can order them. */
  step?: number;
}

export interface NewEvent<T> {
  type: string;
  source: string;
  subject: string;
  data: T;
  cause?: CloudEvent;
  step?: number;
  id?: string;
  time?: string;
}

export function createEvent<T>(event: NewEvent<T>): CloudEvent<T> {
  const id = event.id ?? randomUUID();
  return {
    specversion: '1.0',
    id,
    source: event.source,
    type: event.type,
    time: event.time ?? new Date().toISOString(),
    subject: event.subject,
    datacontenttype: 'application/json',
    data: event.data,
    correlationid: event.cause?.correlationid ?? event.cause?.id ?? id,
    ...(event.cause ? { causationid: event.cause.id } : {}),
    ...(event.step !== undefined ? { step: event.step } : {}),
  };
}

export type Headers = Record<string, string>;

export type DecodeResult = { ok: true; event: CloudEvent; mode: 'structured' | 'binary' } | { ok: false; reason: string };

/** Reads a Kafka message as a CloudEvent; says why when it cannot. */
export function decodeEvent(value: Buffer | null, headers: Headers): DecodeResult {
  if (headers['ce_specversion'] !== undefined) return decodeBinary(value, headers);
  if (value === null || value.length === 0) return { ok: false, reason: 'empty message value' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, reason: 'value is not valid JSON' };
  }
  if (!isObject(parsed) || parsed.specversion === undefined) {
    return { ok: false, reason: 'value is not a CloudEvent: no specversion attribute and no ce_* headers' };
  }
  return checkAttributes(parsed, 'structured');
}

function decodeBinary(value: Buffer | null, headers: Headers): DecodeResult {
  const attributes: Record<string, unknown> = {};
  for (const [name, text] of Object.entries(headers)) {
    if (name.startsWith('ce_')) attributes[name.slice(3)] = text;
  }
  if (attributes.step !== undefined) attributes.step = Number(attributes.step);
  attributes.datacontenttype = headers['content-type'] ?? 'application/json';
  try {
    attributes.data = value === null || value.length === 0 ? undefined : JSON.parse(value.toString('utf8'));
  } catch {
    return { ok: false, reason: 'binary-mode CloudEvent whose data is not valid JSON' };
  }
  return checkAttributes(attributes, 'binary');
}

function checkAttributes(attributes: Record<string, unknown>, mode: 'structured' | 'binary'): DecodeResult {
  if (attributes.specversion !== '1.0') return { ok: false, reason: `unsupported CloudEvents specversion ${JSON.stringify(attributes.specversion)}` };
  for (const name of ['id', 'source', 'type'] as const) {
    if (typeof attributes[name] !== 'string' || attributes[name] === '') return { ok: false, reason: `CloudEvent attribute "${name}" is missing` };
  }
  if (!isObject(attributes.data)) return { ok: false, reason: 'CloudEvent data must be a JSON object' };
  const event = { time: new Date().toISOString(), datacontenttype: 'application/json', ...attributes } as unknown as CloudEvent;
  return { ok: true, event, mode };
}

/** The structured-mode Kafka message of an event. */
export function encodeEvent(event: CloudEvent): { value: Buffer; headers: Headers } {
  return { value: Buffer.from(JSON.stringify(event)), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE, [EVENT_TYPE_HEADER]: event.type } };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function headersToStrings(headers: Record<string, unknown> | undefined): Headers {
  const result: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    result[name.toLowerCase()] = Buffer.isBuffer(value) ? value.toString('utf8') : Array.isArray(value) ? String(value[0]) : String(value);
  }
  return result;
}
