// Tells the platform of orders' internal events on cbec.platform.outbound, in step order and
// numbered: locks the orders, holds back an early event, applies what is due, all in the
// handler's transaction with the outgoing events (through the outbox). A partition's run of
// events is translated together: its orders are read and written with one statement per table.
// The clearance read model (CLEARANCE_PROJECTION) takes the events applied in the same order and the same transaction.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { tableOf } from '@cbec/service-kit';
import { orderKey, OrderRef, TOPICS } from '@cbec/contracts';
import { BatchContext, CloudEvent, orderRefOf } from '@cbec/messaging';
import { appliedEvents } from '../sequencing/applied-events.rule';
import { CLEARANCE_PROJECTION, ClearanceProjection } from '../sequencing/clearance-projection.port';
import { initialState, OrderState } from '../sequencing/outbound-data.rule';
import { HeldEvent } from '../sequencing/persistence/held-event.entity';
import { planDelivery, stepOf } from '../sequencing/step-order.rule';
import { OutboundOrder } from './persistence/outbound-order.entity';

@Injectable()
export class OutboundTranslator {
  constructor(@Inject(CLEARANCE_PROJECTION) private readonly readModel: ClearanceProjection) {}

  async translate(events: CloudEvent[], { manager, publish, log }: BatchContext): Promise<void> {
    const refs = uniqueRefs(events.map((event) => orderRefOf(event)!));
    const orders = await lockOrders(manager, refs);
    const held = await loadHeld(manager, refs);
    const changes = new Map<string, { ref: OrderRef; events: CloudEvent[] }>();
    const newlyHeld = new Map<string, { event: CloudEvent; ref: OrderRef; step: number }>();
    const settledIds: string[] = [];

    for (const event of events) {
      const ref = orderRefOf(event)!;
      const key = orderKey(ref.platformId, ref.orderId);
      const order = orders.get(key)!;
      const waiting = held.get(key) ?? [];
      const plan = planDelivery(order, event, waiting);
      const { step } = stepOf(event);
      const about = { eventId: event.id, type: event.type, subject: key };

      if (plan.arrival === 'ignore') {
        log.info({ ...about, step, orderStep: order.step }, 'step already told to the platform; duplicate ignored');
        continue;
      }
      if (plan.arrival === 'hold') {
        held.set(key, [...waiting, event]);
        newlyHeld.set(event.id, { event, ref, step });
        log.info({ ...about, step, orderStep: order.step }, 'event ahead of its step; held back until the gap fills');
        continue;
      }
      for (const message of plan.messages) publish({ topic: TOPICS.platformOutbound, type: message.type, subject: key, data: message.data, cause: event });
      const applied = appliedEvents(order.step, event, waiting, plan);
      const settled = new Set(plan.settled);
      held.set(key, waiting.filter((h) => !settled.has(h.id)));
      for (const id of settled) if (!newlyHeld.delete(id)) settledIds.push(id);
      orders.set(key, plan.state);
      const change = changes.get(key) ?? { ref, events: [] };
      change.events.push(...applied);
      changes.set(key, change);
      const { platformId, orderId, ...progress } = plan.state;
      log.info({ ...about, ...progress, released: plan.settled.length }, 'platform told');
    }

    await saveHeld(manager, [...newlyHeld.values()], settledIds);
    await saveOrders(manager, [...changes.keys()].map((key) => orders.get(key)!));
    await this.readModel.applyAll(manager, [...changes.values()]);
  }
}

function uniqueRefs(refs: OrderRef[]): OrderRef[] {
  const byKey = new Map(refs.map((ref) => [orderKey(ref.platformId, ref.orderId), ref]));
  return [...byKey.keys()].sort().map((key) => byKey.get(key)!);
}

/** The orders' rows, created if missing and locked in key order, so runs of several partitions take turns on an order. */
async function lockOrders(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, OrderState>> {
  const table = tableOf(manager, OutboundOrder);
  const platformIds = refs.map((ref) => ref.platformId);
  const orderIds = refs.map((ref) => ref.orderId);
  await manager.query(
    `INSERT INTO ${table} (platform_id, order_id, status, clearance_model, step, sequence)
     SELECT p, o, 'RECEIVED', NULL, 0, 0 FROM unnest($1::text[], $2::text[]) AS t(p, o) ON CONFLICT DO NOTHING`,
    [platformIds, orderIds],
  );
  const rows: Record<string, any>[] = await manager.query(
    `SELECT platform_id, order_id, status, clearance_model, step, sequence FROM ${table}
     WHERE (platform_id, order_id) IN (SELECT p, o FROM unnest($1::text[], $2::text[]) AS t(p, o))
     ORDER BY platform_id, order_id FOR UPDATE`,
    [platformIds, orderIds],
  );
  const orders = new Map<string, OrderState>();
  for (const row of rows) {
    orders.set(orderKey(row.platform_id, row.order_id), { ...initialState({ platformId: row.platform_id, orderId: row.order_id }), status: row.status, clearanceModel: row.clearance_model, step: row.step, sequence: row.sequence });
  }
  return orders;
}

/** The events held back for the orders, by order, in the order they were held. */
async function loadHeld(manager: EntityManager, refs: OrderRef[]): Promise<Map<string, CloudEvent[]>> {
  const rows: { platform_id: string; order_id: string; event: CloudEvent }[] = await manager.query(
    `SELECT platform_id, order_id, event FROM ${tableOf(manager, HeldEvent)}
     WHERE (platform_id, order_id) IN (SELECT p, o FROM unnest($1::text[], $2::text[]) AS t(p, o)) ORDER BY step, held_at`,
    [refs.map((ref) => ref.platformId), refs.map((ref) => ref.orderId)],
  );
  const held = new Map<string, CloudEvent[]>();
  for (const row of rows) {
    const key = orderKey(row.platform_id, row.order_id);
    held.set(key, [...(held.get(key) ?? []), row.event]);
  }
  return held;
}

async function saveHeld(manager: EntityManager, added: { event: CloudEvent; ref: OrderRef; step: number }[], settledIds: string[]): Promise<void> {
  const table = tableOf(manager, HeldEvent);
  if (added.length > 0) {
    await manager.query(
      // clock_timestamp() grows row by row, so events held in one transaction keep their arrival order.
      `INSERT INTO ${table} (event_id, platform_id, order_id, step, type, event, held_at)
       SELECT *, clock_timestamp() FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::text[], $6::jsonb[]) ON CONFLICT DO NOTHING`,
      [added.map((h) => h.event.id), added.map((h) => h.ref.platformId), added.map((h) => h.ref.orderId), added.map((h) => h.step), added.map((h) => h.event.type), added.map((h) => JSON.stringify(h.event))],
    );
  }
  if (settledIds.length > 0) await manager.query(`DELETE FROM ${table} WHERE event_id = ANY($1::text[])`, [settledIds]);
}

async function saveOrders(manager: EntityManager, orders: OrderState[]): Promise<void> {
  if (orders.length === 0) return;
  await manager.query(
    `UPDATE ${tableOf(manager, OutboundOrder)} AS o SET status = t.status, clearance_model = t.model, step = t.step, sequence = t.sequence, updated_at = now()
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[]) AS t(p, id, status, model, step, sequence)
     WHERE o.platform_id = t.p AND o.order_id = t.id`,
    [orders.map((o) => o.platformId), orders.map((o) => o.orderId), orders.map((o) => o.status), orders.map((o) => o.clearanceModel), orders.map((o) => o.step), orders.map((o) => o.sequence)],
  );
}
