// Reviews for a run of events: read (and locked) with one statement, inserted or updated with
// one, in the handler's transaction.
import type { EntityManager } from 'typeorm';
import { orderKey, OrderRef } from '@cbec/contracts';
import { AMONG_ORDERS, jsonOf, orderParams, tableOf } from '@cbec/service-kit';
import { Inspection } from './inspection.entity';

/** A review as this service writes it; the timestamps are the table's. */
export type InspectionRow = Omit<Inspection, 'createdAt' | 'updatedAt'>;

/** The keys of the orders under review, their rows locked. */
export async function lockReviewedOrders(manager: EntityManager, refs: OrderRef[]): Promise<Set<string>> {
  const rows: { platform_id: string; order_id: string }[] = await manager.query(
    `SELECT platform_id, order_id FROM ${tableOf(manager, Inspection)} WHERE ${AMONG_ORDERS} ORDER BY platform_id, order_id FOR UPDATE`,
    orderParams(refs),
  );
  return new Set(rows.map((row) => orderKey(row.platform_id, row.order_id)));
}

/** The orders' reviews, locked in key order, by order key. */
export async function lockInspections(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, InspectionRow>> {
  const rows: InspectionRow[] = await manager.query(
    `SELECT platform_id AS "platformId", order_id AS "orderId", clearance_model AS "clearanceModel", status, reason_code AS "reasonCode", plan,
       proof_question AS "proofQuestion", proof_hash AS "proofHash", declaration, cancellation_hash AS "cancellationHash", step
     FROM ${tableOf(manager, Inspection)} WHERE ${AMONG_ORDERS} ORDER BY platform_id, order_id FOR UPDATE`,
    orderParams(refs),
  );
  return new Map(rows.map((row) => [orderKey(row.platformId, row.orderId), row]));
}

export async function insertInspections(manager: EntityManager, rows: InspectionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO ${tableOf(manager, Inspection)} (platform_id, order_id, clearance_model, status, reason_code, plan, proof_question, proof_hash, declaration, cancellation_hash, step)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::int[])`,
    [
      rows.map((row) => row.platformId),
      rows.map((row) => row.orderId),
      rows.map((row) => row.clearanceModel),
      rows.map((row) => row.status),
      rows.map((row) => row.reasonCode),
      rows.map((row) => jsonOf(row.plan)),
      rows.map((row) => row.proofQuestion),
      rows.map((row) => row.proofHash),
      rows.map((row) => jsonOf(row.declaration)),
      rows.map((row) => row.cancellationHash),
      rows.map((row) => row.step),
    ],
  );
}

/** Saves where reviews stand: status, reason, accepted proof and step (one row per order). */
export async function updateInspections(manager: EntityManager, rows: Pick<InspectionRow, 'platformId' | 'orderId' | 'status' | 'reasonCode' | 'proofHash' | 'step'>[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `UPDATE ${tableOf(manager, Inspection)} AS i SET status = u.status, reason_code = u.reason_code, proof_hash = u.proof_hash, step = u.step, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS u(platform_id, order_id, status, reason_code, proof_hash, step)
     WHERE i.platform_id = u.platform_id AND i.order_id = u.order_id`,
    [rows.map((row) => row.platformId), rows.map((row) => row.orderId), rows.map((row) => row.status), rows.map((row) => row.reasonCode), rows.map((row) => row.proofHash), rows.map((row) => row.step)],
  );
}

/** Saves the declarations carried forward (customs' invtNo as declaration number, CONTRACT 8.4). */
export async function saveDeclarations(manager: EntityManager, rows: Pick<InspectionRow, 'platformId' | 'orderId' | 'declaration'>[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `UPDATE ${tableOf(manager, Inspection)} AS i SET declaration = u.declaration, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::jsonb[]) AS u(platform_id, order_id, declaration)
     WHERE i.platform_id = u.platform_id AND i.order_id = u.order_id`,
    [rows.map((row) => row.platformId), rows.map((row) => row.orderId), rows.map((row) => jsonOf(row.declaration))],
  );
}
