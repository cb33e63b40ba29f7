// Pieces of the hand-written statements that read and write a run of events' orders at once
// (a service's persistence/ stores): which orders, and jsonb values as unnest takes them.
import type { OrderRef } from '@cbec/contracts';

/** `(platform_id, order_id)` is one of the orders given as $1 (platform ids) and $2 (order ids), see orderParams. */
export const AMONG_ORDERS = '(platform_id, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))';

/** The orders as the two parameters of AMONG_ORDERS, each once. */
export function orderParams(refs: readonly OrderRef[]): [string[], string[]] {
  const unique = new Map(refs.map((ref) => [JSON.stringify([ref.platformId, ref.orderId]), ref]));
  return [[...unique.values()].map((ref) => ref.platformId), [...unique.values()].map((ref) => ref.orderId)];
}

/** An element of a jsonb[] parameter, as TypeORM writes a jsonb column: the value's JSON, or NULL for none. */
export function jsonOf(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
