// Intake's orders for a run of order-placed events: read and locked with one statement, written
// with one, in the handler's transaction.
import type { EntityManager } from 'typeorm';
import type { OrderRef } from '@cbec/contracts';
import { jsonOf, rowsOfOrders, tableOf } from '@cbec/service-kit';
import { IntakeOrder } from './order.entity';

/** What a later order-placed of the same order is judged against. */
export type KnownIntake = Pick<IntakeOrder, 'platformId' | 'orderId' | 'contentHash' | 'reasonCode' | 'step'>;

/** A row as intake writes it; the timestamps are the table's. */
export type IntakeRow = Omit<IntakeOrder, 'createdAt' | 'updatedAt'>;

/** The orders intake already knows, locked in key order, by order key. */
export function lockIntakeOrders(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, KnownIntake>> {
  return rowsOfOrders(manager, IntakeOrder, 'platform_id AS "platformId", order_id AS "orderId", content_hash AS "contentHash", reason_code AS "reasonCode", step', refs, { lock: true });
}

/** Inserts or replaces each order's row (one row per order). */
export async function saveIntakeOrders(manager: EntityManager, rows: IntakeRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO ${tableOf(manager, IntakeOrder)} (platform_id, order_id, outcome, clearance_model, reason_code, details, content_hash, data, step, event_id)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::jsonb[], $9::int[], $10::text[])
     ON CONFLICT (platform_id, order_id) DO UPDATE SET outcome = EXCLUDED.outcome, clearance_model = EXCLUDED.clearance_model, reason_code = EXCLUDED.reason_code,
       details = EXCLUDED.details, content_hash = EXCLUDED.content_hash, data = EXCLUDED.data, step = EXCLUDED.step, event_id = EXCLUDED.event_id, updated_at = now()`,
    [
      rows.map((row) => row.platformId),
      rows.map((row) => row.orderId),
      rows.map((row) => row.outcome),
      rows.map((row) => row.clearanceModel),
      rows.map((row) => row.reasonCode),
      rows.map((row) => jsonOf(row.details)),
      rows.map((row) => row.contentHash),
      rows.map((row) => jsonOf(row.data)),
      rows.map((row) => row.step),
      rows.map((row) => row.eventId),
    ],
  );
}
