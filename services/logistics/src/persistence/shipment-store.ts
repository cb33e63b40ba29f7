// Shipments for a run of events: read (and locked) with one statement, written with one, in the
// handler's transaction.
import type { EntityManager } from 'typeorm';
import type { OrderRef } from '@cbec/contracts';
import { jsonOf, rowsOfOrders, tableOf } from '@cbec/service-kit';
import { Shipment } from './shipment.entity';

/** A shipment as this service writes it; the timestamps are the table's. */
export type ShipmentRow = Omit<Shipment, 'createdAt' | 'updatedAt'>;

/** What completing a hand-over, or counting a wrong pickup code, changes. */
export type ReceiptChange = Pick<ShipmentRow, 'platformId' | 'orderId' | 'status' | 'step' | 'receiptHash' | 'completedAt' | 'pickupWrongCodes' | 'pickupLockedUntil'>;

/** The columns of a shipment nothing has filled yet, as the table's defaults leave them. */
export const BLANK_SHIPMENT: Omit<ShipmentRow, 'platformId' | 'orderId' | 'status' | 'step' | 'clearanceModel'> = {
  carrier: null,
  waybillNumber: null,
  documents: [],
  location: null,
  availableFrom: null,
  availableUntil: null,
  pickupCode: null,
  pickupWrongCodes: 0,
  pickupLockedUntil: null,
  declarationNumber: null,
  permitNumber: null,
  receiptHash: null,
  declaration: null,
  assessmentId: null,
  taxAmount: null,
  assessment: null,
  completedAt: null,
  cancellationHash: null,
};

/** The orders' shipments, locked in key order, by order key. */
export function lockShipments(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, ShipmentRow>> {
  return rowsOfOrders(manager, Shipment, SHIPMENT_COLUMNS, refs, { lock: true });
}

const SHIPMENT_COLUMNS = `platform_id AS "platformId", order_id AS "orderId", status, step, clearance_model AS "clearanceModel", carrier, waybill_number AS "waybillNumber", documents, location,
  available_from AS "availableFrom", available_until AS "availableUntil", pickup_code AS "pickupCode", pickup_wrong_codes AS "pickupWrongCodes",
  pickup_locked_until AS "pickupLockedUntil", declaration_number AS "declarationNumber", permit_number AS "permitNumber", receipt_hash AS "receiptHash", declaration,
  assessment_id AS "assessmentId", tax_amount AS "taxAmount", assessment, completed_at AS "completedAt", cancellation_hash AS "cancellationHash"`;

/** Inserts or replaces each shipment, every column (one row per order). */
export async function saveShipments(manager: EntityManager, rows: ShipmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  const time = (value: Date | null) => value?.toISOString() ?? null;
  await manager.query(
    `INSERT INTO ${tableOf(manager, Shipment)} (platform_id, order_id, status, step, clearance_model, carrier, waybill_number, documents, location, available_from, available_until,
       pickup_code, pickup_wrong_codes, pickup_locked_until, declaration_number, permit_number, receipt_hash, declaration, assessment_id, tax_amount, assessment, completed_at, cancellation_hash)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::jsonb[], $9::jsonb[], $10::timestamptz[], $11::timestamptz[],
       $12::text[], $13::int[], $14::timestamptz[], $15::text[], $16::text[], $17::text[], $18::jsonb[], $19::text[], $20::numeric[], $21::jsonb[], $22::timestamptz[], $23::text[])
     ON CONFLICT (platform_id, order_id) DO UPDATE SET status = EXCLUDED.status, step = EXCLUDED.step, clearance_model = EXCLUDED.clearance_model, carrier = EXCLUDED.carrier,
       waybill_number = EXCLUDED.waybill_number, documents = EXCLUDED.documents, location = EXCLUDED.location, available_from = EXCLUDED.available_from,
       available_until = EXCLUDED.available_until, pickup_code = EXCLUDED.pickup_code, pickup_wrong_codes = EXCLUDED.pickup_wrong_codes, pickup_locked_until = EXCLUDED.pickup_locked_until,
       declaration_number = EXCLUDED.declaration_number, permit_number = EXCLUDED.permit_number, receipt_hash = EXCLUDED.receipt_hash, declaration = EXCLUDED.declaration,
       assessment_id = EXCLUDED.assessment_id, tax_amount = EXCLUDED.tax_amount, assessment = EXCLUDED.assessment, completed_at = EXCLUDED.completed_at,
       cancellation_hash = EXCLUDED.cancellation_hash, updated_at = now()`,
    [
      rows.map((r) => r.platformId),
      rows.map((r) => r.orderId),
      rows.map((r) => r.status),
      rows.map((r) => r.step),
      rows.map((r) => r.clearanceModel),
      rows.map((r) => r.carrier),
      rows.map((r) => r.waybillNumber),
      rows.map((r) => jsonOf(r.documents)),
      rows.map((r) => jsonOf(r.location)),
      rows.map((r) => time(r.availableFrom)),
      rows.map((r) => time(r.availableUntil)),
      rows.map((r) => r.pickupCode),
      rows.map((r) => r.pickupWrongCodes),
      rows.map((r) => time(r.pickupLockedUntil)),
      rows.map((r) => r.declarationNumber),
      rows.map((r) => r.permitNumber),
      rows.map((r) => r.receiptHash),
      rows.map((r) => jsonOf(r.declaration)),
      rows.map((r) => r.assessmentId),
      rows.map((r) => r.taxAmount),
      rows.map((r) => jsonOf(r.assessment)),
      rows.map((r) => time(r.completedAt)),
      rows.map((r) => r.cancellationHash),
    ],
  );
}

/** Records receipts: completed hand-overs and counted wrong codes (one change per order). */
export async function saveReceipts(manager: EntityManager, changes: ReceiptChange[]): Promise<void> {
  if (changes.length === 0) return;
  await manager.query(
    `UPDATE ${tableOf(manager, Shipment)} AS s SET status = c.status, step = c.step, receipt_hash = c.receipt_hash, completed_at = c.completed_at,
       pickup_wrong_codes = c.pickup_wrong_codes, pickup_locked_until = c.pickup_locked_until, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::timestamptz[], $7::int[], $8::timestamptz[])
       AS c(platform_id, order_id, status, step, receipt_hash, completed_at, pickup_wrong_codes, pickup_locked_until)
     WHERE s.platform_id = c.platform_id AND s.order_id = c.order_id`,
    [
      changes.map((c) => c.platformId),
      changes.map((c) => c.orderId),
      changes.map((c) => c.status),
      changes.map((c) => c.step),
      changes.map((c) => c.receiptHash),
      changes.map((c) => c.completedAt?.toISOString() ?? null),
      changes.map((c) => c.pickupWrongCodes),
      changes.map((c) => c.pickupLockedUntil?.toISOString() ?? null),
    ],
  );
}
