// Tax orders for a run of events: read (and locked) with one statement, inserted or updated
// with one, in the handler's transaction.
import type { EntityManager } from 'typeorm';
import type { OrderRef } from '@cbec/contracts';
import { jsonOf, rowsOfOrders, tableOf } from '@cbec/service-kit';
import { TaxOrder } from './tax-order.entity';

/** A tax order as this service writes it; the timestamps are the table's. */
export type TaxOrderRow = Omit<TaxOrder, 'createdAt' | 'updatedAt'>;

/** What an assessment writes: the order, its notice, and what it leads to. */
export type AssessedOrder = Pick<TaxOrderRow, 'platformId' | 'orderId' | 'clearanceModel' | 'status' | 'reasonCode' | 'step' | 'declaration' | 'assessmentId' | 'assessment' | 'total' | 'dueBy'>;

/** What an accepted payment changes. */
export type PaidOrder = Pick<TaxOrderRow, 'platformId' | 'orderId' | 'status' | 'step' | 'paymentHash' | 'paymentReference' | 'permitNumber'>;

/** The orders already assessed (or rejected at assessment), by order key. */
export function assessedOrders(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, OrderRef>> {
  return rowsOfOrders(manager, TaxOrder, 'platform_id AS "platformId", order_id AS "orderId"', refs, { lock: false });
}

/** The orders' rows, locked in key order, by order key. */
export function lockTaxOrders(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, TaxOrderRow>> {
  return rowsOfOrders(manager, TaxOrder, TAX_ORDER_COLUMNS, refs, { lock: true });
}

const TAX_ORDER_COLUMNS = `platform_id AS "platformId", order_id AS "orderId", clearance_model AS "clearanceModel", status, reason_code AS "reasonCode", step, declaration,
  assessment_id AS "assessmentId", assessment, total, due_by AS "dueBy", payment_hash AS "paymentHash", payment_reference AS "paymentReference",
  permit_number AS "permitNumber", cancellation_hash AS "cancellationHash"`;

export async function insertTaxOrders(manager: EntityManager, rows: AssessedOrder[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO ${tableOf(manager, TaxOrder)} (platform_id, order_id, clearance_model, status, reason_code, step, declaration, assessment_id, assessment, total, due_by)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::jsonb[], $8::text[], $9::jsonb[], $10::numeric[], $11::timestamptz[])`,
    [
      rows.map((row) => row.platformId),
      rows.map((row) => row.orderId),
      rows.map((row) => row.clearanceModel),
      rows.map((row) => row.status),
      rows.map((row) => row.reasonCode),
      rows.map((row) => row.step),
      rows.map((row) => jsonOf(row.declaration)),
      rows.map((row) => row.assessmentId),
      rows.map((row) => jsonOf(row.assessment)),
      rows.map((row) => row.total),
      rows.map((row) => row.dueBy?.toISOString() ?? null),
    ],
  );
}

/** Records accepted payments (one per order). */
export async function recordPayments(manager: EntityManager, rows: PaidOrder[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `UPDATE ${tableOf(manager, TaxOrder)} AS o SET status = p.status, step = p.step, payment_hash = p.payment_hash, payment_reference = p.payment_reference, permit_number = p.permit_number, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[]) AS p(platform_id, order_id, status, step, payment_hash, payment_reference, permit_number)
     WHERE o.platform_id = p.platform_id AND o.order_id = p.order_id`,
    [rows.map((row) => row.platformId), rows.map((row) => row.orderId), rows.map((row) => row.status), rows.map((row) => row.step), rows.map((row) => row.paymentHash), rows.map((row) => row.paymentReference), rows.map((row) => row.permitNumber)],
  );
}
