// What the benchmark prints at the end (the table) and writes (test/bench/results/<time>.json).
const fs = require('node:fs');
const path = require('node:path');

const RESULTS_DIR = path.join(__dirname, 'results');

/** Nearest-rank percentiles of a list of milliseconds; null when the list is empty. */
function percentiles(values) {
  if (values.length === 0) return { count: 0, p50: null, p95: null, p99: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
  return { count: sorted.length, p50: at(50), p95: at(95), p99: at(99), max: sorted[sorted.length - 1] };
}

/** The figures of one pipeline phase from what the platform noted about its orders. */
function summarizePhase(tally, { gaveUp, injectSeconds }) {
  const records = [...tally.orders.values()];
  const approved = records.filter((r) => r.approvedAt !== undefined).map((r) => r.approvedAt - r.sentAt);
  const completed = records.filter((r) => r.completedAt !== undefined).map((r) => r.completedAt - r.sentAt);
  const seconds = tally.lastCompletedAt ? (tally.lastCompletedAt - tally.firstSentAt) / 1000 : null;
  const byModel = {};
  for (const r of records) {
    const model = (byModel[r.model] ??= { orders: 0, completed: 0, latencies: [] });
    model.orders++;
    if (r.completedAt !== undefined) {
      model.completed++;
      model.latencies.push(r.completedAt - r.sentAt);
    }
  }
  return {
    orders: tally.injected,
    injectSeconds: round(injectSeconds, 2),
    approved: tally.approved,
    completed: tally.completed,
    rejected: tally.rejected,
    rejectedBy: tally.rejectedBy,
    refused: tally.refused,
    refusedBy: tally.refusedBy,
    unfinished: tally.injected - tally.ended,
    gaveUp,
    answers: tally.answers,
    seconds: seconds === null ? null : round(seconds, 2),
    ordersPerSecond: seconds ? round(tally.completed / seconds, 2) : null,
    latencyMs: { approved: percentiles(approved), completed: percentiles(completed) },
    byModel: Object.fromEntries(Object.entries(byModel).map(([model, m]) => [model, { orders: m.orders, completed: m.completed, completedLatencyMs: percentiles(m.latencies) }])),
  };
}

/** Whether every offered order ended (COMPLETED or REJECTED), and the seconds from the last order offered to the last that ended. */
function summarizeDrain(tally) {
  const allTerminal = tally.settled;
  return { allTerminal, drainSeconds: allTerminal ? round((tally.lastEndedAt - tally.lastSentAt) / 1000, 2) : null };
}

/** CPU milliseconds per order of each of `groups` over a phase (process-sampler.js), and their sum as `pipeline`; null without orders. */
function cpuPerOrder(phase, groups, orders) {
  if (!orders) return null;
  const present = groups.filter((group) => phase.processes[group]);
  const perOrder = (seconds) => round((1000 * seconds) / orders, 1);
  const pipeline = perOrder(present.reduce((sum, group) => sum + phase.processes[group].cpuSeconds, 0));
  return { pipeline, ...Object.fromEntries(present.map((group) => [group, perOrder(phase.processes[group].cpuSeconds)])) };
}

function summarizeRelay(relay) {
  return { ...relay, seconds: round(relay.seconds, 2), messagesPerSecond: round(relay.messagesPerSecond, 1), latencies: undefined, latencyMs: percentiles(relay.latencies) };
}

/** The table printed at the end of a run. */
function printTable(result, say) {
  const { saturation, sustained, burst, relays } = result;
  const ms = (p) => (p.count ? `${p.p50}/${p.p95}/${p.p99}` : '-');
  say('');
  say(`${'run'.padEnd(26)}${'orders'.padStart(8)}${'done'.padStart(7)}${'rej'.padStart(5)}${'left'.padStart(6)}${'per s'.padStart(9)}${'CPU ms/order'.padStart(14)}   ${'APPROVED p50/p95/p99 ms'.padEnd(26)}COMPLETED p50/p95/p99 ms`);
  const phaseRow = (name, p) =>
    say(`${name.padEnd(26)}${String(p.orders).padStart(8)}${String(p.completed).padStart(7)}${String(p.rejected).padStart(5)}${String(p.unfinished).padStart(6)}${fmt(p.ordersPerSecond).padStart(9)}${fmt(p.cpuMsPerOrder?.pipeline).padStart(14)}   ${ms(p.latencyMs.approved).padEnd(26)}${ms(p.latencyMs.completed)}${p.gaveUp ? '   (gave up at the deadline)' : ''}`);
  if (saturation) phaseRow('saturation', saturation);
  if (sustained) phaseRow(`sustained ${sustained.offeredRate}/s for ${sustained.offeredSeconds}s`, sustained);
  if (burst) phaseRow(`burst ${burst.offeredRate}/s for ${burst.offeredSeconds}s`, burst);
  for (const relay of Object.values(relays ?? {})) {
    say(`${`${relay.mode} relay, ${relay.hops} hops`.padEnd(26)}${String(relay.messages).padStart(8)}${String(relay.arrived).padStart(7)}${''.padStart(5)}${String(relay.messages - relay.arrived).padStart(6)}${fmt(relay.messagesPerSecond).padStart(9)}${''.padStart(14)}   ${''.padEnd(26)}${ms(relay.latencyMs)} (to the sink)`);
  }
  if (saturation || sustained || burst) say('(CPU ms/order: the services, the broker and PostgreSQL over the phase, idle time included, per completed order)');
  if (sustained) say(`sustained: ${sustained.offeredRate} orders/s, ${sustained.basis}; ${sustained.completed} of ${sustained.orders} COMPLETED`);
  if (result.sustainedSkipped) say(`sustained: skipped: ${result.sustainedSkipped}`);
  if (burst) {
    say(`burst: ${burst.allTerminal ? 'every offered order ended (COMPLETED or REJECTED)' : `${burst.unfinished} of ${burst.orders} orders had not ended at the deadline`}; drain ${burst.drainSeconds === null ? '-' : `${fmt(burst.drainSeconds)} s`} from the last order offered to the last that ended`);
  }
  if (result.ratioToDurableRelay !== null || result.ratioToBareRelay !== null) {
    say(`saturation orders/s as a share of the relays' messages/s: durable ${fmtRatio(result.ratioToDurableRelay)}, bare ${fmtRatio(result.ratioToBareRelay)}; of the durable relay's messages/s over its ${relays.durable?.hops ?? '-'} hops: ${fmtRatio(result.durableRelayShareOver8Hops)}`);
  }
  if (result.consumptionsPerOrder !== null) {
    say(`consumptions per order (handled, counted in the inboxes over saturation): ${result.consumptionsPerOrder}; hopRatio (orders/s × consumptions per order over the durable relay's messages/s × hops): ${fmtRatio(result.hopRatio)}`);
  }
  for (const [name, p] of [['saturation', saturation], ['sustained', sustained], ['burst', burst]]) {
    if (p && (p.rejected > 0 || p.refused > 0)) say(`${name}: rejected ${JSON.stringify(p.rejectedBy)}, refused ${JSON.stringify(p.refusedBy)}`);
  }

  const phases = result.phases;
  if (phases.length === 0) return;
  const groups = Object.keys(result.peakRssMb); // the sampler's order: bench, broker, services, relays, PostgreSQL, the rest
  say('');
  say(`CPU seconds (share of one core) per phase; peak RSS over the run; ${result.machine.cpus} cores, load average ${result.machine.loadAverageAtStart[0]} at the start, ${result.machine.loadAverageAtEnd[0]} at the end`);
  say(`${'process'.padEnd(28)}${phases.map((phase) => `${phase.phase} (${phase.wallSeconds}s)`.padStart(24)).join('')}${'peak RSS MB'.padStart(13)}`);
  say(`${'(waiting for a CPU)'.padEnd(28)}${phases.map((phase) => (phase.cpuPressurePercent === null ? '-' : `${phase.cpuPressurePercent.toFixed(0)}% of the time`).padStart(24)).join('')}`);
  for (const group of groups) {
    const cells = phases.map((phase) => {
      const p = phase.processes[group];
      return (p && p.cpuSeconds > 0 ? `${p.cpuSeconds.toFixed(1)} (${p.cpuPercent.toFixed(0)}%)` : '-').padStart(24);
    });
    say(`${group.padEnd(28)}${cells.join('')}${fmt(result.peakRssMb[group]).padStart(13)}`);
  }
}

function writeResult(result, file) {
  const target = file ?? path.join(RESULTS_DIR, `${result.startedAt.replace(/[:.]/g, '-')}.json`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, JSON.stringify(result, null, 2) + '\n');
  return target;
}

function fmt(value) {
  return value === null || value === undefined ? '-' : Number(value).toFixed(1);
}
function fmtRatio(value) {
  return value === null || value === undefined ? '-' : `${(100 * value).toFixed(2)}%`;
}
function round(value, digits) {
  if (value === null || value === undefined) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

module.exports = { percentiles, summarizePhase, summarizeDrain, cpuPerOrder, summarizeRelay, printTable, writeResult, round };
