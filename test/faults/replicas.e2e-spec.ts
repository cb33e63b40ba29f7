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

  it('share the work with nothing processed twice and every quarantine timer fired, none left', async () => {
    const until = Date.now() + 15_000;
    await load.feed(5, () => Date.now() < until);
    await load.settle(180_000);

    const report = await load.report(process.env.DATABASE_URL!);
    const handled = Object.fromEntries(await Promise.all(Object.keys(system.urls).map(async (instance) => [instance, await eventsHandled(system.urls[instance])] as const)));
    // The quarantine timers: a fired timer's row is deleted in the transaction it fires in, so none
    // left means each fired (the quarantined orders completed) and none waits to fire again; a
    // second firing would have applied a status twice (expectNothingLostNothingTwice).
    const timers = await timersLeft();
    process.stdout.write(`[faults] replicas: ${report.sent} orders sent, ${report.completed} completed, ${report.lost.length} lost, ${report.doubleApplied.length} double-applied; ${timers.left} timers left of ${timers.quarantined} quarantined orders; events handled per instance: ${JSON.stringify(handled)}\n`);
    expectNothingLostNothingTwice(report);
    expect(timers.quarantined).toBeGreaterThan(0);
    expect(timers.left).toBe(0);
    // Both instances of every service took part.
    // (The ops service's topics carry nothing in a healthy load: its instances are not counted.)
    expect(Object.entries(handled).filter(([instance, count]) => count === 0 && !instance.startsWith('ops'))).toEqual([]);
    expect(crashLines(system.alarms)).toEqual([]);
    expect(serviceNames().flatMap((name: string) => [name, `${name}#2`]).filter((instance: string) => !system.alive(instance))).toEqual([]);
  }, 400_000);
});

function timersLeft(): Promise<{ left: number; quarantined: number }> {
  return withClient(process.env.DATABASE_URL!, async (db) => ({
    left: (await db.query('SELECT count(*)::int AS n FROM inspection.timer')).rows[0].n,
    quarantined: (await db.query(`SELECT count(*)::int AS n FROM gateway.timeline_entry WHERE status = 'QUARANTINE_INSPECTION'`)).rows[0].n,
  }));
}
