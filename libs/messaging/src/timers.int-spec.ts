// Durable timers on the real PostgreSQL: a timer that fires while an event of its order is being
// handled, and what fired timers leave behind.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { DataSource } from 'typeorm';
import { Outbox } from './publisher';
import { messagingMigration, messagingTables, MessagingTables } from './tables';
import { TimerHandler, TimerPoller, timerScheduler } from './timers';

const TAX_DUE = 'test.tax-due';

describe('durable timers on real PostgreSQL', () => {
  let dataSource: DataSource;
  let tables: MessagingTables;
  let outbox: Outbox;
  let orders: string;
  /** What the poller logged at warn and above. */
  const logged: { level: number; msg: string; err?: { code?: string; message?: string } }[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) });

  beforeAll(async () => {
    const schema = `timers_${randomUUID().slice(0, 8)}`;
    dataSource = new DataSource({ type: 'postgres', url: process.env.DATABASE_URL, schema, migrations: [messagingMigration(schema)], extra: { max: 16 } });
    await dataSource.initialize();
    await dataSource.query(`CREATE SCHEMA "${schema}"`);
    await dataSource.runMigrations();
    tables = messagingTables(schema);
    outbox = new Outbox(tables, '/services/timers-test');
    orders = `"${schema}".tax_order`;
    await dataSource.query(`CREATE TABLE ${orders} (subject text PRIMARY KEY, status text NOT NULL)`);
  });

  afterAll(() => dataSource.destroy());

  beforeEach(() => (logged.length = 0));

  /** Orders awaiting payment whose tax-due timer is already due. */
  async function ordersAwaitingPayment(count: number): Promise<string[]> {
    const subjects = Array.from({ length: count }, (_, i) => `p/${randomUUID().slice(0, 8)}-${i}`);
    await dataSource.query(`INSERT INTO ${orders} (subject, status) SELECT unnest($1::text[]), 'AWAITING_PAYMENT'`, [subjects]);
    await dataSource.transaction(async (manager) => {
      for (const subject of subjects) await timerScheduler(manager, tables, subject).schedule(TAX_DUE, new Date(Date.now() - 1_000));
    });
    return subjects;
  }

  /** Rejects an unpaid order, like tax-permit's tax-due timer: the order's row is locked first. */
  const rejectWhenTaxDue: TimerHandler = {
    kind: TAX_DUE,
    async fire(timer, { manager, publish }) {
      // Long enough for a payment of the order to have begun meanwhile.
      await manager.query('SELECT pg_sleep(0.05)');
      const [order] = await manager.query(`SELECT status FROM ${orders} WHERE subject = $1 FOR UPDATE`, [timer.subject]);
      if (order.status !== 'AWAITING_PAYMENT') return;
      await manager.query(`UPDATE ${orders} SET status = 'REJECTED' WHERE subject = $1`, [timer.subject]);
      publish({ topic: 'test.tax', type: 'test.rejected', subject: timer.subject, data: {} });
    },
  };

  /** Records a payment, like tax-permit's payment handler: locks the order, then cancels its timer. */
  const pay = (subject: string) =>
    dataSource.transaction(async (manager) => {
      const [order] = await manager.query(`SELECT status FROM ${orders} WHERE subject = $1 FOR UPDATE`, [subject]);
      // Long enough for the timer to have begun firing meanwhile.
      await manager.query('SELECT pg_sleep(0.05)');
      if (order.status !== 'AWAITING_PAYMENT') return;
      await manager.query(`UPDATE ${orders} SET status = 'PAID' WHERE subject = $1`, [subject]);
      await outbox.publish(manager, [{ topic: 'test.tax', type: 'test.paid', subject, data: {} }]);
      await timerScheduler(manager, tables, subject).cancel(TAX_DUE);
    });

  const poller = (handler: TimerHandler) => new TimerPoller(dataSource, tables, outbox, [handler], log, 50);

  /** Fires due timers until none is left. */
  const fireAllDue = async (timers: TimerPoller) => {
    while (await timers.fireNext()) {
      // next
    }
  };

  it('never deadlocks a payment and the tax-due timer of its order that fire together, and each order gets one outcome', async () => {
    const subjects = await ordersAwaitingPayment(12);
    const timers = poller(rejectWhenTaxDue);

    const payments = Promise.allSettled(subjects.map(pay));
    await Promise.all([fireAllDue(timers), fireAllDue(timers), fireAllDue(timers), fireAllDue(timers)]);
    const failedPayments = (await payments).filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason);
    await fireAllDue(timers);

    expect(failedPayments.map((error) => `${error.code} ${error.message}`)).toEqual([]);
    expect(logged.filter((line) => line.err).map((line) => `${line.err!.code} ${line.msg}`)).toEqual([]);
    const outcomes: { subject: string; status: string; events: string[] }[] = await dataSource.query(
      `SELECT o.subject, o.status, coalesce(array_agg(convert_from(e.value, 'UTF8')::jsonb->>'type') FILTER (WHERE e.id IS NOT NULL), '{}') AS events
       FROM ${orders} o LEFT JOIN ${tables.outbox} e ON e.key = o.subject WHERE o.subject = ANY($1) GROUP BY o.subject, o.status`,
      [subjects],
    );
    for (const { status, events } of outcomes) expect([status, events]).toEqual(status === 'PAID' ? ['PAID', ['test.paid']] : ['REJECTED', ['test.rejected']]);
    expect(outcomes).toHaveLength(subjects.length);
    const [{ due }] = await dataSource.query(`SELECT count(*)::int AS due FROM ${tables.timer} WHERE subject = ANY($1) AND fired_at IS NULL`, [subjects]);
    expect(due).toBe(0);
  });

  it('keeps no row of a timer that has fired, so the table holds only timers still to fire', async () => {
    const subjects = await ordersAwaitingPayment(30);
    await fireAllDue(poller(rejectWhenTaxDue));

    const [{ left }] = await dataSource.query(`SELECT count(*)::int AS left FROM ${tables.timer} WHERE subject = ANY($1)`, [subjects]);
    expect(left).toBe(0);
    const [{ rejected }] = await dataSource.query(`SELECT count(*)::int AS rejected FROM ${orders} WHERE subject = ANY($1) AND status = 'REJECTED'`, [subjects]);
    expect(rejected).toBe(30);
  });

  it('keeps the one row of a timer that set itself again when it fired, due at its new time', async () => {
    const [subject] = await ordersAwaitingPayment(1);
    const later = new Date(Date.now() + 3_600_000);
    const remindLater: TimerHandler = {
      kind: TAX_DUE,
      async fire(timer, { timers }) {
        await timers.schedule(TAX_DUE, later);
      },
    };
    await poller(remindLater).fireNext();

    const rows = await dataSource.query(`SELECT due_at, fired_at FROM ${tables.timer} WHERE subject = $1`, [subject]);
    expect(rows).toEqual([{ due_at: later, fired_at: null }]);
  });
});
