// The supervisor of `npm start` against real child processes: tiny node scripts that crash or
// stay up, not the services, so it runs in seconds without the system.
import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eventually } from '@cbec/testing';
import { forEachLine } from './services';
import { supervise, Supervisor } from './supervise';

/** A node child running `code`, its output lines passed on as `npm start`'s services' are. */
const nodeChild = (code: string, onLine: (line: string) => void): ChildProcess => {
  const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'pipe'] });
  forEachLine(child, onLine);
  return child;
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** Prints 25 numbered log records, then exits with code 3. */
const CRASHING = `for (let i = 1; i <= 25; i++) console.log(JSON.stringify({ level: 'info', msg: 'line ' + i })); process.exit(3);`;

describe('the supervisor of npm start', () => {
  let supervisor: Supervisor | undefined;
  afterEach(async () => {
    await supervisor?.stop();
    supervisor = undefined;
  });

  it('restarts a crashing service with a doubling backoff up to its cap, printing each crash with its last 20 lines', async () => {
    const printed: string[] = [];
    const startedAt: number[] = [];
    supervisor = supervise(
      'fake',
      (onLine) => {
        startedAt.push(Date.now());
        return nodeChild(CRASHING, onLine);
      },
      { initialBackoffMs: 200, maxBackoffMs: 800, print: (line) => printed.push(line), format: (line) => `fake | ${line}` },
    );
    await eventually(() => supervisor!.runs >= 5 || undefined, { what: 'four restarts', timeoutMs: 30_000 });
    await supervisor.stop();

    const gaps = startedAt.slice(1, 5).map((at, i) => at - startedAt[i]);
    [200, 400, 800, 800].forEach((backoff, i) => expect(gaps[i]).toBeGreaterThanOrEqual(backoff));
    const crashes = printed.filter((line) => line.startsWith('[start] fake crashed'));
    expect(crashes.slice(0, 4).map((line) => line.match(/restarting in ([\d.]+)s/)![1])).toEqual(['0.2', '0.4', '0.8', '0.8']);
    expect(crashes[0]).toMatch(/^\[start\] fake crashed \(code 3\) after [\d.]+s; restarting in 0\.2s\. Its last 20 lines:$/);
    const block = printed.slice(printed.indexOf(crashes[0]) + 1, printed.indexOf(crashes[0]) + 21);
    expect(block).toEqual(Array.from({ length: 20 }, (_, i) => `[start]   fake | ${JSON.stringify({ level: 'info', msg: `line ${i + 6}` })}`));

    const runs = supervisor.runs;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(supervisor.runs).toBe(runs);
  });

  it('goes back to the first backoff once a run has stayed up long enough', async () => {
    const printed: string[] = [];
    let run = 0;
    supervisor = supervise(
      'flaky',
      // Runs 1 and 2 crash at once; run 3 stays up 700 ms (longer than stableAfterMs) before it crashes.
      (onLine) => nodeChild(++run === 3 ? `setTimeout(() => process.exit(1), 700)` : `process.exit(1)`, onLine),
      { initialBackoffMs: 200, maxBackoffMs: 5000, stableAfterMs: 500, print: (line) => printed.push(line) },
    );
    await eventually(() => supervisor!.runs >= 4 || undefined, { what: 'three restarts', timeoutMs: 20_000 });
    const delays = printed.filter((line) => line.includes('crashed')).map((line) => line.match(/restarting in ([\d.]+)s/)![1]);
    expect(delays.slice(0, 3)).toEqual(['0.2', '0.4', '0.2']);
  });

  describe('as start.js runs it', () => {
    // A stand-in for start.js: two long-lived services supervised, stopped only by a signal.
    const fixture = path.join(os.tmpdir(), `supervise-fixture-${process.pid}.js`);
    const SERVICE = `console.log(JSON.stringify({ level: 'info', time: new Date().toISOString(), msg: 'up as ' + process.pid, subject: 'tmall-global/TG1' })); setInterval(() => {}, 1000);`;
    beforeAll(() => {
      fs.writeFileSync(
        fixture,
        `const { spawn } = require('node:child_process');
const { forEachLine } = require(${JSON.stringify(path.join(__dirname, 'services.js'))});
const { supervise, stopOnSignals } = require(${JSON.stringify(path.join(__dirname, 'supervise.js'))});
const { formatLogLine, logFormatOf } = require(${JSON.stringify(path.join(__dirname, 'log-line.js'))});
const format = logFormatOf(process.env, process.stdout.isTTY);
const supervisors = ['alpha', 'beta'].map((name) => supervise(name, (onLine) => {
  const child = spawn(process.execPath, ['-e', ${JSON.stringify(SERVICE)}], { stdio: ['ignore', 'pipe', 'pipe'] });
  forEachLine(child, onLine);
  return child;
}, { initialBackoffMs: 200, format: (line) => formatLogLine(name, line, format) }));
stopOnSignals(async () => {
  await Promise.all(supervisors.map((supervisor) => supervisor.stop()));
  console.log('[start] stopped');
  process.exit(0);
});
`,
      );
    });
    afterAll(() => fs.rmSync(fixture, { force: true }));

    it('restarts a service killed with SIGKILL, shows readable lines with LOG_FORMAT=pretty, and stops every service on SIGINT', async () => {
      const lines: string[] = [];
      const start = spawn(process.execPath, [fixture], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LOG_FORMAT: 'pretty' } });
      forEachLine(start, (line) => lines.push(line));
      const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
      const pidsOf = (name: string) => lines.flatMap((line) => line.match(new RegExp(`^\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ${name} +INFO  up as (\\d+) \\[tmall-global/TG1\\]$`))?.slice(1) ?? []).map(Number);
      try {
        const [alpha] = await eventually(() => (pidsOf('alpha').length && pidsOf('beta').length ? pidsOf('alpha') : undefined), { what: 'both services up' });
        process.kill(alpha, 'SIGKILL');
        await eventually(() => lines.find((line) => /^\[start\] alpha crashed \(signal SIGKILL\) after [\d.]+s; restarting in 0\.2s\. Its last 1 lines:$/.test(line)), { what: 'the crash reported' });
        expect(lines).toContainEqual(expect.stringMatching(/^\[start\] {3}\d\d:\d\d:\d\d\.\d{3} alpha +INFO {2}up as \d+/));
        const [, alphaAgain] = await eventually(() => (pidsOf('alpha').length === 2 ? pidsOf('alpha') : undefined), { what: 'alpha restarted' });
        expect(alphaAgain).not.toBe(alpha);
        const [beta] = pidsOf('beta');

        start.kill('SIGINT');
        expect(await exited).toBe(0);
        expect(lines).toContain('[start] stopped');
        expect([alphaAgain, beta].filter(alive)).toEqual([]);
        expect(pidsOf('beta')).toHaveLength(1);
      } finally {
        if (start.exitCode === null) start.kill('SIGKILL');
      }
    });
  });
});
