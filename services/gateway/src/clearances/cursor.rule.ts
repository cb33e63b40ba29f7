// The list's opaque cursor: the position of the last item of a page in the list's order
// (createdAt desc, then platformId, orderId), as base64url JSON. Clients pass it back unread.
import { IDENTIFIER_PATTERN } from '@cbec/contracts';

export interface ListPosition {
  /** RFC 3339 UTC with milliseconds, as the view keeps createdAt. */
  createdAt: string;
  platformId: string;
  orderId: string;
}

export function encodeCursor(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.createdAt, position.platformId, position.orderId]), 'utf8').toString('base64url');
}

/** The position a cursor holds, or undefined when it is not one of ours. */
export function decodeCursor(cursor: string): ListPosition | undefined {
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed) || parsed.length !== 3 || !parsed.every((part) => typeof part === 'string')) return undefined;
  const [createdAt, platformId, orderId] = parsed as string[];
  const time = Date.parse(createdAt);
  if (Number.isNaN(time) || new Date(time).toISOString() !== createdAt) return undefined;
  if (!IDENTIFIER_PATTERN.test(platformId) || !IDENTIFIER_PATTERN.test(orderId)) return undefined;
  return { createdAt, platformId, orderId };
}
