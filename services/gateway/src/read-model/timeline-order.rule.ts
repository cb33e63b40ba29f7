// The order of an order's timeline. The gateway reads seven topics, so the arrival order of a
// platform's request and the services' answers to it is an accident of partitions and a rebuild
// would not see it again; the order is computed from the events alone instead:
// - a status event sits at its step, first among the entries of that step;
// - a refusal, and an after-sale notice (return accepted, return completed), sits at the step it
//   refers to;
// - a platform's event (which carries no step) sits just before what it caused (the status event
//   or refusal whose causationid is its id), and when it caused nothing (a re-sent duplicate, or
//   one still in flight) after the last status entered by its time;
// - a receipt of customs (which carries no step either) sits by customs' time: after the last
//   status entered by then, among that step's other entries by time;
// - within a step: by time, a request before a refusal of the same instant, then by event id.
import type { TimelineRecord } from './clearance-record';

interface Placed {
  entry: TimelineRecord;
  step: number;
  sortAt: string;
}

export function arrangeTimeline(entries: TimelineRecord[]): TimelineRecord[] {
  const stepped = entries.filter((entry) => entry.kind !== 'platform' && entry.step !== null);
  const caused = new Map<string, TimelineRecord[]>();
  for (const entry of stepped) {
    if (entry.causationId) caused.set(entry.causationId, [...(caused.get(entry.causationId) ?? []), entry]);
  }
  const statuses = stepped.filter((entry) => entry.kind === 'status');

  const placed: Placed[] = entries.map((entry) => {
    if (entry.kind !== 'platform' && entry.step !== null) return { entry, step: entry.step, sortAt: entry.at };
    const answers = entry.kind === 'platform' ? (caused.get(entry.eventId) ?? []) : [];
    if (answers.length > 0) {
      const step = Math.min(...answers.map((answer) => (answer.kind === 'status' ? answer.step! - 1 : answer.step!)));
      const sortAt = [entry.at, ...answers.map((answer) => answer.at)].sort()[0];
      return { entry, step, sortAt };
    }
    const before = statuses.filter((status) => status.at <= entry.at).map((status) => status.step!);
    return { entry, step: before.length ? Math.max(...before) : 0, sortAt: entry.at };
  });

  return placed.sort(compare).map((p) => p.entry);
}

const KIND_RANK = { status: 0, platform: 1, refusal: 2, notice: 2, receipt: 3 } as const;

function compare(a: Placed, b: Placed): number {
  return (
    a.step - b.step ||
    Number(a.entry.kind !== 'status') - Number(b.entry.kind !== 'status') ||
    a.sortAt.localeCompare(b.sortAt) ||
    KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind] ||
    a.entry.eventId.localeCompare(b.entry.eventId)
  );
}
