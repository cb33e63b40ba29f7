// Two instances of every service in the same consumer groups, as a scaled-out deployment runs
// them: they share the partitions, nothing is handled twice, and the timers (quarantines end by
// one) fire once, whichever instance polls first.
import { RunningSystem, serviceNames, startSystem, withClient } from '@cbec/testing';
import { crashLines, eventsHandled } from './service-metrics';
import { expectNothingLostNothingTwice, FAULT_SYSTEM_ENV, FaultLoad } from './fault-load';


describe('two instances of every service', () => {
  let system: RunningSystem;
  let load: FaultLoad;

  beforeAll(async () => {
    system = await startSystem(undefined, FAULT_SYSTEM_ENV, 4640, { replicas: 2 });
    load = await FaultLoad.start('replicas');
  }, 240_000);

  afterAll(async () => {
    await load?.stop();
    await system?.stop();
  });

  it('share the work with nothing processed twice and every timer fired once', async () => {
    const until = Date.now() + 15_000;
    await load.feed(5, () => Date.now() < until);
    await load.settle(180_000);

    const report = await load.report(process.env.DATABASE_URL!);
    const handled = Object.fromEntries(await Promise.all(Object.keys(system.urls).map(async (instance) => [instance, await eventsHandled(system.urls[instance])] as const)));
    // The quarantine timers: fired, each once (a second firing would count a second attempt).
    const timers = await firedTimers();
    process.stdout.write(`[faults] replicas: ${report.sent} orders sent, ${report.completed} completed, ${report.lost.length} lost, ${report.doubleApplied.length} double-applied; ${timers.fired} timers fired, ${timers.firedMoreThanOnce} more than once; events handled per instance: ${JSON.stringify(handled)}\n`);
    expectNothingLostNothingTwice(report);
    expect(timers.fired).toBeGreaterThan(0);
    expect(timers.firedMoreThanOnce).toBe(0);
    // Both instances of every service took part.
    expect(Object.entries(handled).filter(([, count]) => count === 0)).toEqual([]);
    expect(crashLines(system.alarms)).toEqual([]);
    expect(serviceNames().flatMap((name: string) => [name, `${name}#2`]).filter((instance: string) => !system.alive(instance))).toEqual([]);
  }, 400_000);
});

function firedTimers(): Promise<{ fired: number; firedMoreThanOnce: number }> {
  return withClient(process.env.DATABASE_URL!, async (db) => (await db.query(`SELECT count(*)::int AS fired, count(*) FILTER (WHERE attempts > 1)::int AS "firedMoreThanOnce" FROM inspection.timer WHERE fired_at IS NOT NULL`)).rows[0]);
}
