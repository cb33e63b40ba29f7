// The broker and the database under fault, each mid-load: a broker restart, every PostgreSQL
// connection cut, the database refusing connections for 30 s, a handler slower than the
// consumer's session. After each: nothing lost, nothing applied twice, no dead letter.
import { Client } from 'pg';
import { restartTestBroker, RunningSystem, serviceNames, startSystem, withClient } from '@cbec/testing';
import { crashLines, groupJoins } from './service-metrics';
import { expectNothingLostNothingTwice, FAULT_SYSTEM_ENV, underLoad } from './fault-load';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('broker and database faults under load', () => {
  let system: RunningSystem;
  const database = new URL(process.env.DATABASE_URL!).pathname.slice(1);

  beforeAll(async () => {
    system = await startSystem(undefined, FAULT_SYSTEM_ENV, 4620);
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
  });

  afterEach(() => {
    expect(crashLines(system.alarms)).toEqual([]);
    // A process that died, with its last lines.
    expect(serviceNames().filter((name: string) => !system.alive(name)).map((name: string) => `${name}:\n${system.logs[name].slice(-30).join('\n')}`)).toEqual([]);
  });

  it('a broker stopped and started again mid-load', async () => {
    expectNothingLostNothingTwice(await underLoad('broker restart', 12, () => restartTestBroker(2_000)));
  }, 400_000);

  it('every PostgreSQL connection cut, twice, mid-load', async () => {
    const report = await underLoad('connections cut', 10, async () => {
      for (let cut = 0; cut < 2; cut++) {
        const cutCount = await asServer((db) => terminateBackends(db, database));
        expect(cutCount).toBeGreaterThan(5);
        await sleep(3_000);
      }
    });
    expectNothingLostNothingTwice(report);
  }, 400_000);

  it('the database refusing every connection for 30 s mid-load', async () => {
    const report = await underLoad('database refusing for 30 s', 16, async () => {
      await asServer(async (db) => {
        await db.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS false`);
        await terminateBackends(db, database);
      });
      const before = { ...system.printed };
      try {
        await sleep(30_000);
        // Everything that retries backs off: what each service logged while the database was away.
        const during = Object.fromEntries(Object.entries(system.printed).map(([name, count]) => [name, count - (before[name] ?? 0)]));
        process.stdout.write(`[faults] log lines during the 30 s outage: ${JSON.stringify(during)}\n`);
        expect(Object.entries(during).filter(([, count]) => count > 200)).toEqual([]);
        // Still refused at the end: nothing got in during the outage.
        await expect(asDatabase((db) => db.query('SELECT 1'))).rejects.toThrow(/not currently accepting connections/);
      } finally {
        await asServer((db) => db.query(`ALTER DATABASE "${database}" ALLOW_CONNECTIONS true`));
      }
    });
    expectNothingLostNothingTwice(report);
  }, 400_000);

  it('a handler slower than the consumer session: no rebalance, nothing twice', async () => {
    const joinsBefore = await groupJoins(system.urls.logistics);
    const report = await underLoad('logistics handler held 15 s', 12, async () => {
      // Logistics' handlers wait on its table for 15 s, more than twice its 6 s session.
      await asDatabase(async (db) => {
        await db.query('BEGIN');
        await db.query('LOCK TABLE logistics.shipment IN ACCESS EXCLUSIVE MODE');
        await sleep(15_000);
        await db.query('COMMIT');
      });
    });
    expectNothingLostNothingTwice(report);
    expect(await groupJoins(system.urls.logistics)).toBe(joinsBefore);
  }, 400_000);
});

async function terminateBackends(db: Client, database: string): Promise<number> {
  const { rows } = await db.query('SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS cut FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [database]);
  return rows[0].cut;
}

/** A connection to the server's own database, to act on the test database from outside. */
function asServer<T>(work: (db: Client) => Promise<T>): Promise<T> {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = '/postgres';
  return withClient(url.toString(), work);
}

function asDatabase<T>(work: (db: Client) => Promise<T>): Promise<T> {
  return withClient(process.env.DATABASE_URL!, work);
}
