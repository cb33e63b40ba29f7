// The projection with its persistence: applies events to one order's record in the caller's
// transaction (the translator's, the inbound consumer's, a REST call's, the rebuild's).
import { Injectable, Provider } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { orderKey, OrderRef } from '@cbec/contracts';
import { CloudEvent, orderRefOf } from '@cbec/messaging';
import { CLEARANCE_PROJECTION, type ClearanceProjection } from '../sequencing/clearance-projection.port';
import type { ClearanceRecord } from './clearance-record';
import { loadRecord, loadRecords, lockClearance, lockClearances, saveRecord, saveRecords } from './clearance-store';
import { project } from './projection.rule';

@Injectable()
export class ClearanceProjector implements ClearanceProjection {
  /** Applies the events in the order given. */
  apply(manager: EntityManager, ref: OrderRef, events: CloudEvent[]): Promise<ClearanceRecord> {
    return this.change(manager, ref, (record) => events.reduce(project, record));
  }

  /** Applies each order's events, every order's record read and written together. */
  async applyAll(manager: EntityManager, changes: { ref: OrderRef; events: CloudEvent[] }[]): Promise<void> {
    if (changes.length === 0) return;
    const refs = changes.map((change) => change.ref);
    await lockClearances(manager, refs);
    const before = await loadRecords(manager, refs);
    await saveRecords(manager, changes.map(({ ref, events }) => {
      const record = before.get(orderKey(ref.platformId, ref.orderId))!;
      return { before: record, after: events.reduce(project, record) };
    }));
  }

  /** Applies events in the order they came (each order's in its order), every order's record read and written together. */
  applyAsTheyCame(manager: EntityManager, events: CloudEvent[]): Promise<void> {
    const byOrder = new Map<string, { ref: OrderRef; events: CloudEvent[] }>();
    for (const event of events) {
      const ref = orderRefOf(event)!;
      const key = orderKey(ref.platformId, ref.orderId);
      if (!byOrder.has(key)) byOrder.set(key, { ref, events: [] });
      byOrder.get(key)!.events.push(event);
    }
    return this.applyAll(manager, [...byOrder.values()]);
  }

  /** Locks the order's record, changes it with a pure function and saves the difference. */
  async change(manager: EntityManager, ref: OrderRef, change: (record: ClearanceRecord) => ClearanceRecord): Promise<ClearanceRecord> {
    await lockClearance(manager, ref);
    const before = await loadRecord(manager, ref);
    const after = change(before);
    await saveRecord(manager, before, after);
    return after;
  }
}

/** The projector as the outbound translator knows it. */
export const clearanceProjectionProvider: Provider = { provide: CLEARANCE_PROJECTION, useExisting: ClearanceProjector };
