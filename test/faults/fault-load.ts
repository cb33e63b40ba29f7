// The load of the fault tests, played as a platform that knows only the contract: orders of the
// three models (the benchmark's mix, test/bench/order-mix.js) placed at a steady rate while a
// fault strikes, answered by the benchmark's platform (proof, payment, signature, pickup), and
// one consumer's six orders of 4,900.00, the sixth of which must pass the annual limit. Then the
// checks a platform and an auditor would make: every order ended, none lost, nothing applied
// twice, every order's outbound `sequence` gap-free and in order, no dead letter; and how long
// nothing reached the platform while the fault lasted.
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import { INPUT_LIMITS, TOPICS } from '@cbec/contracts';
import { testKafka, TopicProbe, withClient } from '@cbec/testing';

const { PlatformActor, PhaseTally } = require('../bench/platform-actor');
const { orderOf, residentId } = require('../bench/order-mix');

export const PLATFORM_ID = 'fault-platform';

/** The services' environment: quarantines end by a timer, so timers are under fault too. */
export const FAULT_SYSTEM_ENV = {
  QUARANTINE_DURATION_MS: '300',
  INSPECTION_SAMPLING_RATE: '0',
  TAX_DUE_MS: String(30 * 86_400_000),
  PROOF_DUE_MS: String(30 * 86_400_000),
  PICKUP_WINDOW_MS: String(30 * 86_400_000),
};

const TERMINAL = ['COMPLETED', 'REJECTED', 'CANCELLED', 'RETURNED'];
/** Orders are numbered across every load of a test file, so no two share an id or a consumer. */
let ordersPlaced = 0;

export interface LoadReport {
  sent: number;
  completed: number;
  rejected: Record<string, number>;
  lost: string[];
  doubleApplied: string[];
  sequenceGaps: string[];
  deadLetters: { consumer_group: string; key: string | null; reason: string }[];
  annualLimit: { completed: number; exceeded: number };
  ledgerMismatches: string[];
}

/** The databases of services that have one of their own (<SERVICE>_DATABASE_URL), by service. */
export type OwnDatabases = Record<string, string>;

export class FaultLoad {
  private readonly tally: any;
  private readonly runId = randomUUID().slice(0, 6);
  private readonly subjects = new Set<string>();
  private readonly annualSubjects: string[] = [];
  /** When the platform received more outbound events than at the sample before (every 100 ms). */
  private readonly progressAt: number[] = [];
  private readonly sampler: NodeJS.Timeout;

  private constructor(
    private readonly actor: any,
    private readonly outbound: TopicProbe,
    readonly name: string,
  ) {
    this.tally = new PhaseTally(name);
    let received = 0;
    this.sampler = setInterval(() => {
      if (this.outbound.messages.length > received) this.progressAt.push(Date.now());
      received = this.outbound.messages.length;
    }, 100);
  }

  static async start(name: string): Promise<FaultLoad> {
    const kafka = testKafka();
    const actor = new PlatformActor(kafka, { platformId: PLATFORM_ID, fromBeginning: true });
    await actor.start();
    return new FaultLoad(actor, await TopicProbe.start([TOPICS.platformOutbound]), name);
  }

  async stop(): Promise<void> {
    clearInterval(this.sampler);
    await this.actor.stop();
    await this.outbound.stop();
  }

  /**
   * Places orders of the mix, `perSecond` a second, while `going()` says so (at least
   * `atLeast`), and the six 4,900.00 orders of one consumer after the twentieth.
   */
  async feed(perSecond: number, going: () => boolean, atLeast = 30): Promise<void> {
    const started = Date.now();
    for (let i = 0; i < atLeast || going(); i++) {
      await this.place([orderOf(ordersPlaced++, this.runId, PLATFORM_ID)]);
      if (i === 20) await this.placeAnnualLimitSet();
      const wait = started + (i + 1) * (1000 / perSecond) - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * A festival's opening: `perSecond` orders of the mix a second for `seconds`, sent in a batch
   * every 100 ms as a platform's intake would, with the six 4,900.00 orders among them.
   */
  async burst(perSecond: number, seconds: number): Promise<void> {
    const tickMs = 100;
    const started = Date.now();
    for (let tick = 0; tick * tickMs < seconds * 1000; tick++) {
      const count = Math.round(((tick + 1) * perSecond * tickMs) / 1000) - Math.round((tick * perSecond * tickMs) / 1000);
      if (count > 0) await this.place(Array.from({ length: count }, () => orderOf(ordersPlaced++, this.runId, PLATFORM_ID)));
      if (tick === 10) await this.placeAnnualLimitSet();
      const wait = started + (tick + 1) * tickMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }

  /**
   * One general-trade order as large as intake takes: 500 items (the array limit) with long names,
   * just under the payload limit as JSON. Returns its subject and its size in bytes.
   */
  async placeLargest(): Promise<{ subject: string; bytes: number }> {
    const order = orderOf(ordersPlaced++, this.runId, PLATFORM_ID);
    // General trade: the retail models declare at most 99 lines to the Single Window (CONTRACT 8).
    order.clearanceModel = 'GENERAL_TRADE';
    delete order.bondedZone;
    order.logistics = { carrier: 'SF-INTL', waybillNumber: `SF${this.runId}X${ordersPlaced}` };
    order.items = Array.from({ length: INPUT_LIMITS.maxArrayLength }, (_, i) => ({
      sku: `TS-${String(i).padStart(4, '0')}`,
      name: `Cotton T-shirt ${i} ${'size and colour as ordered, '.repeat(11)}`.trim(),
      hsCode: '6109100010',
      quantity: 1,
      unitPrice: '1.00',
      originCountry: 'JP',
      grossWeightKg: '0.20',
    }));
    order.freight = '0.00';
    order.insurance = '0.00';
    order.payment.amount = `${INPUT_LIMITS.maxArrayLength}.00`;
    await this.place([order]);
    return { subject: `${order.platformId}/${order.orderId}`, bytes: Buffer.byteLength(JSON.stringify(order)) };
  }

  /** Six orders of one consumer, 4,900.00 of goods each: five fit the 26,000.00 a year, the sixth cannot. */
  private async placeAnnualLimitSet(): Promise<void> {
    const idNumber = residentId(17_000_000 + ordersPlaced);
    const orders = Array.from({ length: 6 }, () => {
      const order = orderOf(ordersPlaced++, this.runId, PLATFORM_ID);
      order.clearanceModel = 'BONDED_ZONE';
      order.bondedZone = 'HANGZHOU';
      order.logistics = { carrier: 'SF-INTL', waybillNumber: `SF${this.runId}L${ordersPlaced}` };
      order.items = [{ sku: 'IT-BAG-01', name: 'Leather handbag', hsCode: '4202210000', quantity: 1, unitPrice: '4900.00', originCountry: 'IT', grossWeightKg: '0.80' }];
      order.freight = '0.00';
      order.insurance = '0.00';
      order.consumer.idNumber = idNumber;
      order.payment.payerIdNumber = idNumber;
      order.payment.amount = '4900.00';
      this.annualSubjects.push(`${order.platformId}/${order.orderId}`);
      return order;
    });
    await this.place(orders);
  }

  private async place(orders: any[]): Promise<void> {
    for (const order of orders) this.subjects.add(`${order.platformId}/${order.orderId}`);
    // A broker that is restarting refuses the send for a moment; the platform tries again.
    for (let attempt = 1; ; attempt++) {
      try {
        await this.actor.place(this.tally, orders);
        return;
      } catch (error) {
        if (attempt >= 60) throw error;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  get ended(): number {
    return this.tally.ended;
  }

  /** Resolves when every order placed has ended (or throws, naming how many are left). */
  async settle(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.tally.ended < this.subjects.size) {
      if (Date.now() > deadline) throw new Error(`${this.name}: ${this.subjects.size - this.tally.ended} of ${this.subjects.size} orders had not ended after ${timeoutMs / 1000}s`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    // What the gateway still sends after the last status (nothing, if all is well) arrives too.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }

  /** The longest time after `since` that nothing reached the platform, up to the last event that did. */
  longestPauseMs(since: number): number {
    let longest = 0;
    let previous = since;
    for (const at of this.progressAt.filter((time) => time > since)) {
      longest = Math.max(longest, at - previous);
      previous = at;
    }
    return longest;
  }

  /** How long after `since` the platform received an event again (undefined: it has not). */
  firstProgressAfterMs(since: number): number | undefined {
    const at = this.progressAt.find((time) => time > since);
    return at === undefined ? undefined : at - since;
  }

  /**
   * What a platform and an auditor check once the load has ended; dead letters and the quota are
   * read where each service keeps them (`ownDatabases`, else `databaseUrl`).
   */
  async report(databaseUrl: string, ownDatabases: OwnDatabases = {}): Promise<LoadReport> {
    const report: LoadReport = { sent: this.subjects.size, completed: 0, rejected: {}, lost: [], doubleApplied: [], sequenceGaps: [], deadLetters: [], annualLimit: { completed: 0, exceeded: 0 }, ledgerMismatches: [] };
    const dutiable = new Map<string, string>();
    for (const subject of this.subjects) {
      // Redeliveries of one event (same id) are the at-least-once a platform expects; two events
      // with one sequence number, or one status twice, would be an effect applied twice.
      const events = uniqueById(this.outbound.eventsOf(subject));
      const statuses = events.filter((e) => e.type === 'cbec.clearance.status-changed.v1').map((e) => e.data.status as string);
      const last = statuses[statuses.length - 1];
      if (!TERMINAL.includes(last)) report.lost.push(`${subject} (${statuses.join(' -> ') || 'no answer'})`);
      if (new Set(statuses).size !== statuses.length) report.doubleApplied.push(`${subject}: ${statuses.join(' -> ')}`);
      const sequences = events.map((e) => e.data.sequence);
      if (!sequences.every((sequence, i) => sequence === i + 1)) report.sequenceGaps.push(`${subject}: ${sequences.join(',')}`);
      const rejection = events.find((e) => e.type === 'cbec.clearance.rejected.v1' || (e.type === 'cbec.clearance.status-changed.v1' && e.data.status === 'REJECTED'));
      if (last === 'COMPLETED') report.completed++;
      if (last === 'REJECTED') report.rejected[rejection?.data.reasonCode ?? 'UNKNOWN'] = (report.rejected[rejection?.data.reasonCode ?? 'UNKNOWN'] ?? 0) + 1;
      if (this.annualSubjects.includes(subject)) {
        if (last === 'COMPLETED') report.annualLimit.completed++;
        if (last === 'REJECTED' && rejection?.data.reasonCode === 'ANNUAL_LIMIT_EXCEEDED') report.annualLimit.exceeded++;
      }
      const assessed = events.filter((e) => e.type === 'cbec.clearance.tax-assessed.v1');
      if (assessed.length > 1) report.doubleApplied.push(`${subject}: assessed ${assessed.length} times`);
      if (assessed[0]?.data.regime !== 'GENERAL_TRADE' && assessed[0]) dutiable.set(subject, assessed[0].data.dutiableTotal);
    }
    for (const url of new Set([databaseUrl, ...Object.values(ownDatabases)])) {
      await withClient(url, async (db) => {
        const tables: { table_schema: string }[] = (await db.query(`SELECT table_schema FROM information_schema.tables WHERE table_name = 'dead_letter'`)).rows;
        for (const { table_schema } of tables) {
          report.deadLetters.push(...(await db.query(`SELECT consumer_group, key, reason FROM "${table_schema}".dead_letter`)).rows);
        }
      });
    }
    await withClient(ownDatabases['tax-permit'] ?? databaseUrl, async (db) => {      // The quota: one ledger entry per order counted, of the assessed dutiable total, and the annual
      // totals the sum of the entries (so nothing counted twice).
      const entries: { platform_id: string; order_id: string; amount: string }[] = (await db.query(`SELECT platform_id, order_id, amount::text FROM tax_permit.ledger_entry WHERE platform_id = $1 AND given_back_at IS NULL`, [PLATFORM_ID])).rows;
      for (const entry of entries) {
        const subject = `${entry.platform_id}/${entry.order_id}`;
        if (!this.subjects.has(subject)) continue;
        if (dutiable.get(subject) === undefined || !new Decimal(entry.amount).equals(dutiable.get(subject)!)) report.ledgerMismatches.push(`${subject}: ledger ${entry.amount}, assessed ${dutiable.get(subject)}`);
      }
      const { ledger, counted } = (await db.query(`SELECT (SELECT coalesce(sum(total), 0) FROM tax_permit.annual_ledger)::text AS ledger, (SELECT coalesce(sum(amount), 0) FROM tax_permit.ledger_entry WHERE given_back_at IS NULL)::text AS counted`)).rows[0];
      if (!new Decimal(ledger).equals(counted)) report.ledgerMismatches.push(`annual totals ${ledger} differ from the entries counted, ${counted}`);
    });
    return report;
  }
}

export interface UnderLoadOptions {
  /** The load goes on until the fault is over, however long it takes (else it stops after `seconds`). */
  throughFault?: boolean;
  ownDatabases?: OwnDatabases;
}

/**
 * Runs a load of `seconds` (at least 30 orders) at 5 orders a second with `fault` striking 4 s in;
 * orders placed go on arriving while the fault lasts; returns what the load found, with the
 * longest time nothing reached the platform from the moment the fault struck.
 */
export async function underLoad(name: string, seconds: number, fault: (load: FaultLoad) => Promise<void>, options: UnderLoadOptions = {}): Promise<LoadReport & { pauseMs: number }> {
  const load = await FaultLoad.start(name);
  let faultOver = false;
  let failed = false;
  let fed: Promise<void> = Promise.resolve();
  try {
    const until = Date.now() + seconds * 1000;
    fed = load.feed(5, () => !failed && (Date.now() < until || (options.throughFault === true && !faultOver)));
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    const struck = Date.now();
    try {
      await fault(load);
    } finally {
      faultOver = true;
    }
    await fed;
    // Orders that never end are named in the report, with how far each got.
    const unsettled = await load.settle(180_000).then(() => undefined, (error: Error) => error.message);
    const report = { ...(await load.report(process.env.DATABASE_URL!, options.ownDatabases)), pauseMs: load.longestPauseMs(struck) };
    process.stdout.write(`[faults] ${name}: ${report.sent} orders sent, ${report.completed} completed, ${report.lost.length} lost, ${report.doubleApplied.length} double-applied, ${report.deadLetters.length} dead letters; the pipeline paused ${(report.pauseMs / 1000).toFixed(1)} s at the longest${unsettled ? `; ${unsettled}: ${report.lost.slice(0, 10).join('; ')}` : ''}\n`);
    return report;
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    // A fault that failed stops the feeding; the load is stopped once its last order is placed.
    await fed.catch(() => undefined);
    await load.stop();
  }
}

/** Checks a report the way every fault test does, with the whole report in the failure message. */
export function expectNothingLostNothingTwice(report: LoadReport): void {
  const summary = JSON.stringify({ ...report, lost: report.lost.slice(0, 10), sequenceGaps: report.sequenceGaps.slice(0, 10) }, null, 1);
  expect({ lost: report.lost, doubleApplied: report.doubleApplied, sequenceGaps: report.sequenceGaps, deadLetters: report.deadLetters, ledgerMismatches: report.ledgerMismatches, annualLimit: report.annualLimit }).toEqual({
    lost: [],
    doubleApplied: [],
    sequenceGaps: [],
    deadLetters: [],
    ledgerMismatches: [],
    annualLimit: { completed: 5, exceeded: 1 },
  });
  // Every order of the mix completes; the only rejection is the sixth 4,900.00 order.
  expect({ completed: report.completed, rejected: report.rejected, summary: report.completed === report.sent - 1 ? 'ok' : summary }).toEqual({ completed: report.sent - 1, rejected: { ANNUAL_LIMIT_EXCEEDED: 1 }, summary: 'ok' });
}

function uniqueById(events: any[]): any[] {
  const seen = new Set<string>();
  return events.filter((e) => !seen.has(e.id) && (seen.add(e.id), true));
}
