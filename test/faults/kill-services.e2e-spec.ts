// kill -9 of each service in turn, mid-load, and its restart: nothing lost, nothing applied
// twice, and the restarted service handles events again within 10 s (its dead predecessor is
// dropped from the consumer group after the 6 s session).
import { RunningSystem, serviceNames, startSystem } from '@cbec/testing';
import { crashLines, eventsHandled, groupJoins } from './service-metrics';
import { expectNothingLostNothingTwice, FAULT_SYSTEM_ENV, FaultLoad } from './fault-load';


describe('kill -9 of each service under load', () => {
  let system: RunningSystem;
  let load: FaultLoad;

  beforeAll(async () => {
    system = await startSystem(undefined, FAULT_SYSTEM_ENV, 4600);
    load = await FaultLoad.start('kill -9');
  }, 180_000);

  afterAll(async () => {
    await load?.stop();
    await system?.stop();
  });

  it('loses nothing and applies nothing twice; every restarted service handles events again within 10 s', async () => {
    const names: string[] = serviceNames();
    let feeding = true;
    const fed = load.feed(5, () => feeding);
    const recoverySeconds: Record<string, number> = {};
    /** Seconds from the restart until the new process's counter of handled events (0 at start) moves. */
    const phases: Record<string, string> = {};
    const handlingAgain = async (name: string, restartedAt: number) => {
      const seconds = () => Number(((Date.now() - restartedAt) / 1000).toFixed(1));
      const ready = seconds();
      let joined: number | undefined;
      for (;;) {
        if (joined === undefined && (await groupJoins(system.urls[name])) > 0) joined = seconds();
        // The ops service's topics carry only dead-letter announcements and ops answers, none in a
        // healthy load: back in its group is back at work.
        if (name === 'ops' ? joined !== undefined : (await eventsHandled(system.urls[name])) > 0) {
          phases[name] = `ready ${ready}, joined ${joined ?? seconds()}, handled ${seconds()}`;
          return seconds();
        }
        if (Date.now() - restartedAt > 60_000) throw new Error(`${name} handled nothing within 60 s of its restart\n${system.logs[name].slice(-15).join('\n')}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    for (const name of names) {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await system.kill(name);
      const restartedAt = Date.now();
      await system.launch(name);
      recoverySeconds[name] = await handlingAgain(name, restartedAt);
    }
    // For comparison, a clean stop (SIGTERM: the batch finished, the group left) and a start.
    const stoppedAt = Date.now();
    await system.restart('tax-permit');
    const afterSigterm = await handlingAgain('tax-permit', stoppedAt);
    feeding = false;
    await fed;
    await load.settle(180_000);

    const report = await load.report(process.env.DATABASE_URL!);
    process.stdout.write(`[faults] kill -9: ${report.sent} orders sent, ${report.completed} completed, ${report.lost.length} lost, ${report.doubleApplied.length} double-applied, ${report.deadLetters.length} dead letters; seconds from restart to handling again: ${JSON.stringify(recoverySeconds)}; tax-permit after SIGTERM and start: ${afterSigterm}; seconds after the restart: ${JSON.stringify(phases)}\n`);
    expectNothingLostNothingTwice(report);
    expect(Object.entries(recoverySeconds).filter(([, seconds]) => seconds >= 10)).toEqual([]);
    expect(afterSigterm).toBeLessThan(10);
    expect(names.filter((name) => !system.alive(name))).toEqual([]);
    expect(crashLines(system.alarms)).toEqual([]);
  }, 420_000);
});
