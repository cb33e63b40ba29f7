// Declarations for a run of events: read (and locked) with one statement, inserted or updated
// with one, in the handler's transaction.
import type { EntityManager } from 'typeorm';
import type { OrderRef } from '@cbec/contracts';
import { jsonOf, rowsOfOrders, tableOf } from '@cbec/service-kit';
import { OrderDeclaration } from './declaration.entity';

/** A declaration as this service writes it; the timestamps are the table's. */
export type DeclarationRow = Omit<OrderDeclaration, 'createdAt' | 'updatedAt'>;

/** What filing a waiting declaration changes. */
export type Submission = Pick<OrderDeclaration, 'platformId' | 'orderId' | 'status' | 'step' | 'documents' | 'waybillNumber' | 'declaredAt'>;

/** The orders already declared, by order key. */
export function declaredOrders(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, OrderRef>> {
  return rowsOfOrders(manager, OrderDeclaration, 'platform_id AS "platformId", order_id AS "orderId"', refs, { lock: false });
}

/** The orders' declarations, locked in key order, by order key. */
export function lockDeclarations(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, DeclarationRow>> {
  return rowsOfOrders(manager, OrderDeclaration, DECLARATION_COLUMNS, refs, { lock: true });
}

const DECLARATION_COLUMNS = `platform_id AS "platformId", order_id AS "orderId", clearance_model AS "clearanceModel", declaration_number AS "declarationNumber", status, step,
  "order", documents, waybill_number AS "waybillNumber", declared_at AS "declaredAt"`;

export async function insertDeclarations(manager: EntityManager, rows: DeclarationRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO ${tableOf(manager, OrderDeclaration)} (platform_id, order_id, clearance_model, declaration_number, status, step, "order", documents, waybill_number, declared_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::jsonb[], $8::jsonb[], $9::text[], $10::timestamptz[])`,
    [
      rows.map((row) => row.platformId),
      rows.map((row) => row.orderId),
      rows.map((row) => row.clearanceModel),
      rows.map((row) => row.declarationNumber),
      rows.map((row) => row.status),
      rows.map((row) => row.step),
      rows.map((row) => jsonOf(row.order)),
      rows.map((row) => jsonOf(row.documents)),
      rows.map((row) => row.waybillNumber),
      rows.map((row) => row.declaredAt?.toISOString() ?? null),
    ],
  );
}

/** Files waiting declarations (one submission per order). */
export async function submitDeclarations(manager: EntityManager, submissions: Submission[]): Promise<void> {
  if (submissions.length === 0) return;
  await manager.query(
    `UPDATE ${tableOf(manager, OrderDeclaration)} AS d SET status = s.status, step = s.step, documents = s.documents, waybill_number = s.waybill_number, declared_at = s.declared_at, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::jsonb[], $6::text[], $7::timestamptz[]) AS s(platform_id, order_id, status, step, documents, waybill_number, declared_at)
     WHERE d.platform_id = s.platform_id AND d.order_id = s.order_id`,
    [
      submissions.map((s) => s.platformId),
      submissions.map((s) => s.orderId),
      submissions.map((s) => s.status),
      submissions.map((s) => s.step),
      submissions.map((s) => jsonOf(s.documents)),
      submissions.map((s) => s.waybillNumber),
      submissions.map((s) => s.declaredAt?.toISOString() ?? null),
    ],
  );
}
