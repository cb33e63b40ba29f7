// Reads and writes clearance records in the caller's transaction. Every change to one order's
// record runs under a transaction-scoped lock of that order, so the translator, the inbound
// consumer and a REST call take turns on it. Whoever also writes to the outbox takes this lock
// first (the consumer writes its outgoing events after the handler), so two never wait on each other.
import type { EntityManager } from 'typeorm';
import { jsonOf, tableOf } from '@cbec/service-kit';
import { In } from 'typeorm';
import { orderKey, OrderRef } from '@cbec/contracts';
import { ClearanceRecord, ClearanceView, emptyRecord, TimelineRecord } from './clearance-record';
import { ClearanceViewRow } from './persistence/clearance-view.entity';
import { TimelineEntryRow } from './persistence/timeline-entry.entity';

export async function lockClearance(manager: EntityManager, ref: OrderRef): Promise<void> {
  await lockClearances(manager, [ref]);
}

/** The locks of several orders, taken in key order (unnest keeps the array's) so two lockers never deadlock. */
export async function lockClearances(manager: EntityManager, refs: OrderRef[]): Promise<void> {
  const schema = (manager.connection.options as { schema?: string }).schema ?? 'public';
  const locks = [...new Set(refs.map((ref) => `clearance:${schema}:${orderKey(ref.platformId, ref.orderId)}`))].sort();
  await manager.query('SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) FROM unnest($1::text[]) AS k', [locks]);
}

export async function loadRecord(manager: EntityManager, ref: OrderRef): Promise<ClearanceRecord> {
  const where = { platformId: ref.platformId, orderId: ref.orderId };
  const view = await manager.getRepository(ClearanceViewRow).findOneBy(where);
  const entries = await manager.getRepository(TimelineEntryRow).findBy(where);
  return { ...emptyRecord(ref), view: view ? viewOf(view) : null, timeline: entries.map(timelineRecordOf) };
}

/** The records of several orders at once, by order key (an empty record for an unknown order). */
export async function loadRecords(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, ClearanceRecord>> {
  const records = new Map(refs.map((ref) => [orderKey(ref.platformId, ref.orderId), emptyRecord(ref)]));
  const params = [refs.map((ref) => ref.platformId), refs.map((ref) => ref.orderId)];
  const ofOrders = '(platform_id, order_id) IN (SELECT p, o FROM unnest($1::text[], $2::text[]) AS t(p, o))';
  const views: ClearanceViewRow[] = await manager.query(`SELECT ${selectList(manager, ClearanceViewRow)} FROM ${tableOf(manager, ClearanceViewRow)} WHERE ${ofOrders}`, params);
  for (const row of views) records.get(orderKey(row.platformId, row.orderId))!.view = viewOf(row);
  const entries: TimelineEntryRow[] = await manager.query(`SELECT ${selectList(manager, TimelineEntryRow)} FROM ${tableOf(manager, TimelineEntryRow)} WHERE ${ofOrders}`, params);
  for (const row of entries) records.get(orderKey(row.platformId, row.orderId))!.timeline.push(timelineRecordOf(row));
  return records;
}

/** saveRecord for several orders (each once): every changed view in one upsert, every new entry in one insert. */
export async function saveRecords(manager: EntityManager, changes: { before: ClearanceRecord; after: ClearanceRecord }[]): Promise<void> {
  const views = changes.filter(({ before, after }) => after.view && after.view !== before.view).map(({ after }) => viewRowOf(after.view!));
  if (views.length > 0) await upsertViews(manager, views);
  const added = changes.flatMap(({ before, after }) => {
    const known = new Set(before.timeline.map((entry) => entry.eventId));
    return after.timeline.filter((entry) => !known.has(entry.eventId)).map((entry) => timelineRowOf(after, entry));
  });
  if (added.length > 0) await insertTimelineEntries(manager, added);
}

async function upsertViews(manager: EntityManager, views: ClearanceViewRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO ${tableOf(manager, ClearanceViewRow)} (platform_id, order_id, clearance_model, status, reason_code, declaration_number, tax_assessment, permit_number,
       pickup, delivery, particulars, cancellation, returns, customs, created_at, updated_at)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::jsonb[], $10::jsonb[], $11::jsonb[], $12::jsonb[], $13::jsonb[],
       $14::jsonb[], $15::timestamptz[], $16::timestamptz[])
     ON CONFLICT (platform_id, order_id) DO UPDATE SET clearance_model = EXCLUDED.clearance_model, status = EXCLUDED.status, reason_code = EXCLUDED.reason_code,
       declaration_number = EXCLUDED.declaration_number, tax_assessment = EXCLUDED.tax_assessment, permit_number = EXCLUDED.permit_number, pickup = EXCLUDED.pickup,
       delivery = EXCLUDED.delivery, particulars = EXCLUDED.particulars, cancellation = EXCLUDED.cancellation, returns = EXCLUDED.returns, customs = EXCLUDED.customs,
       created_at = EXCLUDED.created_at, updated_at = EXCLUDED.updated_at`,
    [
      views.map((v) => v.platformId),
      views.map((v) => v.orderId),
      views.map((v) => v.clearanceModel),
      views.map((v) => v.status),
      views.map((v) => v.reasonCode),
      views.map((v) => v.declarationNumber),
      views.map((v) => jsonOf(v.taxAssessment)),
      views.map((v) => v.permitNumber),
      views.map((v) => jsonOf(v.pickup)),
      views.map((v) => jsonOf(v.delivery)),
      views.map((v) => jsonOf(v.particulars)),
      views.map((v) => jsonOf(v.cancellation)),
      views.map((v) => jsonOf(v.returns)),
      views.map((v) => jsonOf(v.customs)),
      views.map((v) => v.createdAt.toISOString()),
      views.map((v) => v.updatedAt.toISOString()),
    ],
  );
}

async function insertTimelineEntries(manager: EntityManager, entries: TimelineEntryRow[]): Promise<void> {
  await manager.query(
    `INSERT INTO ${tableOf(manager, TimelineEntryRow)} (event_id, platform_id, order_id, kind, type, status, at, service, customs_code, reason_code, step, causation_id, receipt)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::text[], $9::int[], $10::text[], $11::int[], $12::text[], $13::jsonb[])
     ON CONFLICT DO NOTHING`,
    [
      entries.map((e) => e.eventId),
      entries.map((e) => e.platformId),
      entries.map((e) => e.orderId),
      entries.map((e) => e.kind),
      entries.map((e) => e.type),
      entries.map((e) => e.status),
      entries.map((e) => e.at.toISOString()),
      entries.map((e) => e.service),
      entries.map((e) => e.customsCode),
      entries.map((e) => e.reasonCode),
      entries.map((e) => e.step),
      entries.map((e) => e.causationId),
      entries.map((e) => jsonOf(e.receipt)),
    ],
  );
}

/** The timelines of several orders at once (a page of the list), by order key. */
export async function loadTimelines(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, TimelineRecord[]>> {
  const timelines = new Map(refs.map((ref) => [orderKey(ref.platformId, ref.orderId), [] as TimelineRecord[]]));
  if (refs.length === 0) return timelines;
  // Both columns IN their lists may also match other pairs: only the asked ones are kept.
  const rows = await manager.getRepository(TimelineEntryRow).findBy({ platformId: In(unique(refs.map((r) => r.platformId))), orderId: In(unique(refs.map((r) => r.orderId))) });
  for (const row of rows) timelines.get(orderKey(row.platformId, row.orderId))?.push(timelineRecordOf(row));
  return timelines;
}

/** Writes what changed from `before` to `after`: the view if it is a new object, the new entries. */
export function saveRecord(manager: EntityManager, before: ClearanceRecord, after: ClearanceRecord): Promise<void> {
  return saveRecords(manager, [{ before, after }]);
}

/** Every record of the schema, for the rebuild's comparison. */
export async function loadAllRecords(manager: EntityManager): Promise<Map<string, ClearanceRecord>> {
  const records = new Map<string, ClearanceRecord>();
  const recordOf = (ref: OrderRef) => {
    const key = orderKey(ref.platformId, ref.orderId);
    if (!records.has(key)) records.set(key, emptyRecord(ref));
    return records.get(key)!;
  };
  for (const row of await manager.getRepository(ClearanceViewRow).find()) recordOf(row).view = viewOf(row);
  for (const row of await manager.getRepository(TimelineEntryRow).find()) recordOf(row).timeline.push(timelineRecordOf(row));
  return records;
}

/** Every column of the entity under its property name, so a raw row reads like an entity. */
function selectList(manager: EntityManager, entity: Function): string {
  return manager.connection
    .getMetadata(entity)
    .columns.map((column) => `"${column.databaseName}" AS "${column.propertyName}"`)
    .join(', ');
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function viewOf(row: ClearanceViewRow): ClearanceView {
  return {
    platformId: row.platformId,
    orderId: row.orderId,
    clearanceModel: row.clearanceModel,
    status: row.status,
    reasonCode: row.reasonCode,
    declarationNumber: row.declarationNumber,
    taxAssessment: row.taxAssessment,
    permitNumber: row.permitNumber,
    pickup: row.pickup,
    delivery: row.delivery,
    particulars: row.particulars,
    ...(row.cancellation ? { cancellation: row.cancellation } : {}),
    ...(row.returns ? { returns: row.returns } : {}),
    ...(row.customs ? { customs: row.customs } : {}),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function viewRowOf(view: ClearanceView): ClearanceViewRow {
  return { ...view, cancellation: view.cancellation ?? null, returns: view.returns ?? null, customs: view.customs ?? null, createdAt: new Date(view.createdAt), updatedAt: new Date(view.updatedAt) };
}

function timelineRecordOf(row: TimelineEntryRow): TimelineRecord {
  return {
    eventId: row.eventId,
    kind: row.kind,
    type: row.type,
    status: row.status,
    at: row.at.toISOString(),
    service: row.service,
    customsCode: row.customsCode,
    reasonCode: row.reasonCode,
    step: row.step,
    causationId: row.causationId,
    receipt: row.receipt,
  };
}

function timelineRowOf(record: ClearanceRecord, entry: TimelineRecord): TimelineEntryRow {
  return { ...entry, platformId: record.ref.platformId, orderId: record.ref.orderId, at: new Date(entry.at) };
}
