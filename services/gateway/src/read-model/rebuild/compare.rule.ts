// The rebuilt read model against the live one: every order's view field by field and its
// timeline entry by entry, in the order the API shows it. An order the live model changed after
// the history was taken (an entry of an event the rebuild never read) is set aside, not counted
// as a difference.
import type { ClearanceRecord } from '../clearance-record';
import { arrangeTimeline } from '../timeline-order.rule';

export interface Comparison {
  orders: number;
  equal: number;
  /** Orders changed after the history was taken. */
  changedSince: string[];
  differences: { order: string; what: string; live: unknown; rebuilt: unknown }[];
}

export function compareReadModels(live: Map<string, ClearanceRecord>, rebuilt: Map<string, ClearanceRecord>, eventsRead: Set<string>): Comparison {
  const keys = [...new Set([...live.keys(), ...rebuilt.keys()])].sort();
  const comparison: Comparison = { orders: keys.length, equal: 0, changedSince: [], differences: [] };
  for (const key of keys) {
    const liveRecord = live.get(key);
    if (liveRecord?.timeline.some((entry) => !eventsRead.has(entry.eventId))) {
      comparison.changedSince.push(key);
      continue;
    }
    const found = differencesOf(liveRecord, rebuilt.get(key)).map((difference) => ({ order: key, ...difference }));
    if (found.length === 0) comparison.equal++;
    comparison.differences.push(...found);
  }
  return comparison;
}

function differencesOf(live: ClearanceRecord | undefined, rebuilt: ClearanceRecord | undefined): { what: string; live: unknown; rebuilt: unknown }[] {
  const differences: { what: string; live: unknown; rebuilt: unknown }[] = [];
  const liveView = live?.view ?? null;
  const rebuiltView = rebuilt?.view ?? null;
  if (!liveView || !rebuiltView) {
    if (liveView !== rebuiltView) differences.push({ what: 'view', live: liveView, rebuilt: rebuiltView });
  } else {
    for (const field of new Set([...Object.keys(liveView), ...Object.keys(rebuiltView)])) {
      const a = (liveView as unknown as Record<string, unknown>)[field];
      const b = (rebuiltView as unknown as Record<string, unknown>)[field];
      if (canonical(a) !== canonical(b)) differences.push({ what: `view.${field}`, live: a, rebuilt: b });
    }
  }
  const liveTimeline = arrangeTimeline(live?.timeline ?? []);
  const rebuiltTimeline = arrangeTimeline(rebuilt?.timeline ?? []);
  for (let i = 0; i < Math.max(liveTimeline.length, rebuiltTimeline.length); i++) {
    if (canonical(liveTimeline[i]) !== canonical(rebuiltTimeline[i])) differences.push({ what: `timeline[${i}]`, live: liveTimeline[i] ?? null, rebuilt: rebuiltTimeline[i] ?? null });
  }
  return differences;
}

/** JSON with sorted keys, so jsonb's key order does not count as a difference. */
function canonical(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
