// GET /v1/ops/dead-letters?consumerGroup=&reason=&limit=&cursor=: newest first, a page at a time;
// `reason` matches part of the reason, ignoring case. The cursor is opaque to clients: the
// (deadAt, id) of the last item of the previous page.
import type { FieldError } from '@cbec/contracts';
import { DEAD_LETTER_ID } from './dead-letter-view.entity';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface DeadLetterCursor {
  deadAt: string;
  id: string;
}

export interface DeadLetterQuery {
  consumerGroup?: string;
  /** Part of the reason, any case. */
  reason?: string;
  limit: number;
  after?: DeadLetterCursor;
}

export function encodeCursor(cursor: DeadLetterCursor): string {
  return Buffer.from(JSON.stringify([cursor.deadAt, cursor.id]), 'utf8').toString('base64url');
}

export function decodeCursor(text: string): DeadLetterCursor | undefined {
  try {
    const [deadAt, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (typeof deadAt !== 'string' || Number.isNaN(Date.parse(deadAt)) || typeof id !== 'string' || !DEAD_LETTER_ID.test(id)) return undefined;
    return { deadAt, id };
  } catch {
    return undefined;
  }
}

export function readDeadLetterQuery(query: Record<string, unknown>): { ok: true; query: DeadLetterQuery } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const { consumerGroup, reason, limit, cursor } = query;
  if (consumerGroup !== undefined && (typeof consumerGroup !== 'string' || consumerGroup === '' || consumerGroup.length > 200)) errors.push({ field: 'consumerGroup', message: 'consumerGroup must be a consumer group name, e.g. "cbec.order"' });
  if (reason !== undefined && (typeof reason !== 'string' || reason.trim() === '' || reason.length > 200)) errors.push({ field: 'reason', message: 'reason must be 1 to 200 characters of the reason to match' });
  const size = limit === undefined ? DEFAULT_PAGE_SIZE : typeof limit === 'string' && /^\d{1,4}$/.test(limit) ? Number(limit) : NaN;
  if (!(size >= 1 && size <= MAX_PAGE_SIZE)) errors.push({ field: 'limit', message: `limit must be an integer from 1 to ${MAX_PAGE_SIZE}` });
  const after = typeof cursor === 'string' ? decodeCursor(cursor) : undefined;
  if (cursor !== undefined && !after) errors.push({ field: 'cursor', message: 'cursor must be the nextCursor of a previous page' });
  if (errors.length) return { ok: false, errors };
  return { ok: true, query: { ...(consumerGroup ? { consumerGroup: consumerGroup as string } : {}), ...(reason ? { reason: (reason as string).trim() } : {}), limit: size, ...(after ? { after } : {}) } };
}
