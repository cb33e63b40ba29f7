// Pieces of the hand-written statements that read and write a run of events' orders at once
// (a service's persistence/ stores): which orders, their rows read or locked at once, and jsonb
// values as unnest takes them.
import type { EntityManager } from 'typeorm';
import { orderKey, OrderRef } from '@cbec/contracts';
import { tableOf } from './database';

/** `(platform_id, order_id)` is one of the orders given as $1 (platform ids) and $2 (order ids), see orderParams. */
export const AMONG_ORDERS = '(platform_id, order_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))';

/** The orders as the two parameters of AMONG_ORDERS, each once. */
export function orderParams(refs: readonly OrderRef[]): [string[], string[]] {
  const unique = new Map(refs.map((ref) => [JSON.stringify([ref.platformId, ref.orderId]), ref]));
  return [[...unique.values()].map((ref) => ref.platformId), [...unique.values()].map((ref) => ref.orderId)];
}

/**
 * The rows of the orders in the entity's table, read with one statement, by order key; `lock`:
 * locked until the transaction ends, in key order, so that two runs never wait on each other in
 * a circle. `columns` is the select list; it must name platformId and orderId.
 */
export async function rowsOfOrders<Row extends OrderRef>(manager: EntityManager, entity: Function, columns: string, refs: readonly OrderRef[], { lock }: { lock: boolean }): Promise<Map<string, Row>> {
  const rows: Row[] = await manager.query(`SELECT ${columns} FROM ${tableOf(manager, entity)} WHERE ${AMONG_ORDERS}${lock ? ' ORDER BY platform_id, order_id FOR UPDATE' : ''}`, orderParams(refs));
  return new Map(rows.map((row) => [orderKey(row.platformId, row.orderId), row]));
}

/** An element of a jsonb[] parameter, as TypeORM writes a jsonb column: the value's JSON, or NULL for none. */
export function jsonOf(value: unknown): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}
