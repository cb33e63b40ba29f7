// GET /v1/clearances query: every parameter checked, every bad one named (400), and the scope a
// key may list (a platform key lists its own platform's orders only).
import { CLEARANCE_MODELS, CLEARANCE_STATUSES, ClearanceModel, ClearanceStatus, FieldError, IDENTIFIER_PATTERN } from '@cbec/contracts';
import type { Principal } from '@cbec/http-edge';
import { decodeCursor, ListPosition } from './cursor.rule';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 200;
/** A date, or a date and time with an optional offset. */
const TIME_PATTERN = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export interface ListQuery {
  status?: ClearanceStatus;
  model?: ClearanceModel;
  platformId?: string;
  /** Not terminal and not updated for at least this long. */
  stuckForMs?: number;
  /** Order ids starting with this. */
  orderId?: string;
  /** Created at or after / before these times (ISO 8601). */
  createdFrom?: string;
  createdTo?: string;
  after?: ListPosition;
  limit: number;
}

const PARAMETERS = ['status', 'model', 'platformId', 'orderId', 'createdFrom', 'createdTo', 'stuckForMs', 'cursor', 'limit'];

export function parseListQuery(raw: Record<string, unknown>): { query: ListQuery; errors: [] } | { query?: undefined; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const query: ListQuery = { limit: DEFAULT_LIMIT };
  for (const [name, value] of Object.entries(raw)) {
    if (!PARAMETERS.includes(name)) errors.push({ field: name, message: `${name} is not a parameter of this list (${PARAMETERS.join(', ')})` });
    else if (typeof value !== 'string') errors.push({ field: name, message: `${name} must be given once` });
  }
  const text = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string) : undefined);

  const status = text('status');
  if (status !== undefined) {
    if (CLEARANCE_STATUSES.includes(status as ClearanceStatus)) query.status = status as ClearanceStatus;
    else errors.push({ field: 'status', message: `status must be one of ${CLEARANCE_STATUSES.join(', ')}` });
  }
  const model = text('model');
  if (model !== undefined) {
    if (CLEARANCE_MODELS.includes(model as ClearanceModel)) query.model = model as ClearanceModel;
    else errors.push({ field: 'model', message: `model must be one of ${CLEARANCE_MODELS.join(', ')}` });
  }
  const platformId = text('platformId');
  if (platformId !== undefined) {
    if (IDENTIFIER_PATTERN.test(platformId)) query.platformId = platformId;
    else errors.push({ field: 'platformId', message: 'platformId must be 1-64 letters, digits or ._:- (no slash)' });
  }
  const orderId = text('orderId');
  if (orderId !== undefined) {
    if (IDENTIFIER_PATTERN.test(orderId)) query.orderId = orderId;
    else errors.push({ field: 'orderId', message: 'orderId must be the start of an order id: 1-64 letters, digits or ._:-' });
  }
  for (const name of ['createdFrom', 'createdTo'] as const) {
    const value = text(name);
    if (value === undefined) continue;
    if (TIME_PATTERN.test(value) && !Number.isNaN(Date.parse(value))) query[name] = new Date(value).toISOString();
    else errors.push({ field: name, message: `${name} must be a date-time in ISO 8601 (e.g. 2026-11-11T00:00:00Z)` });
  }
  if (query.createdFrom && query.createdTo && query.createdFrom > query.createdTo) errors.push({ field: 'createdTo', message: 'createdTo must not be before createdFrom' });
  const stuckForMs = integerOf(text('stuckForMs'));
  if (stuckForMs === null || (stuckForMs !== undefined && stuckForMs < 0)) errors.push({ field: 'stuckForMs', message: 'stuckForMs must be a whole number of milliseconds, 0 or more' });
  else if (stuckForMs !== undefined) query.stuckForMs = stuckForMs;
  const limit = integerOf(text('limit'));
  if (limit === null || (limit !== undefined && (limit < 1 || limit > MAX_LIMIT))) errors.push({ field: 'limit', message: `limit must be a whole number from 1 to ${MAX_LIMIT}` });
  else if (limit !== undefined) query.limit = limit;
  const cursor = text('cursor');
  if (cursor !== undefined) {
    const after = decodeCursor(cursor);
    if (after) query.after = after;
    else errors.push({ field: 'cursor', message: 'cursor must be a nextCursor this list gave' });
  }
  return errors.length > 0 ? { errors } : { query, errors: [] };
}

/** undefined when absent, null when not a whole number. */
function integerOf(value: string | undefined): number | undefined | null {
  if (value === undefined) return undefined;
  return /^\d{1,15}$/.test(value) ? Number(value) : null;
}

/**
 * The platform a key may list: ops lists what it asks for; a platform key lists its own
 * platform, and asking for another platform's orders lists nothing (as a GET of one answers 404).
 */
export function scopeOf(principal: Principal, query: ListQuery): { platformId?: string } | 'nothing' {
  if (principal.isOps) return query.platformId ? { platformId: query.platformId } : {};
  if (query.platformId && query.platformId !== principal.platformId) return 'nothing';
  return { platformId: principal.platformId };
}
