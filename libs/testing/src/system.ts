// The system under test as separate processes, the way `npm start` runs it (scripts/services.js),
// on the harness's Kafka and database and on ports of their own.
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const services = require(path.join(REPO_ROOT, 'scripts/services.js'));

/** What a service prints when something escaped every handler: pino's fatal level (60), the bootstrap's unhandled rejection, Node's own crash report. */
const ALARMING_LINE = /unhandled rejection|uncaught exception|"level":60|UnhandledPromiseRejection|^\s*(TypeError|RangeError|ReferenceError|Error):|FATAL ERROR/i;

export interface RunningSystem {
  /** The HTTP base URL of each service. */
  urls: Record<string, string>;
  /** The last lines each service printed, for a failing test's message. */
  logs: Record<string, string[]>;
  /** Every line of each service that tells of a crash or an unhandled rejection, however long ago. */
  alarms: Record<string, string[]>;
  stop(name?: string): Promise<void>;
  /** Stops a service and starts it again, with extra environment if given. */
  restart(name: string, env?: Record<string, string>): Promise<void>;
}

export async function startSystem(names: string[] = services.serviceNames(), env: Record<string, string> = {}, portBase = 4100): Promise<RunningSystem> {
  // TEST_PORT_OFFSET moves every port, so two checkouts can run their e2e files side by side.
  const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
  // A loaded machine may need longer than a minute to start six services at once.
  const readyWithinMs = Number(process.env.TEST_SERVICE_READY_MS ?? 60_000);
  const ports: Record<string, number> = Object.fromEntries(names.map((name, i) => [name, portBase + offset + i]));
  const portEnv = Object.fromEntries(names.map((name) => [`${name.toUpperCase().replace(/-/g, '_')}_PORT`, String(ports[name])]));
  const children: Record<string, ChildProcess> = {};
  const logs: Record<string, string[]> = {};
  const alarms: Record<string, string[]> = {};

  const launch = async (name: string, extraEnv: Record<string, string> = {}) => {
    logs[name] = logs[name] ?? [];
    alarms[name] = alarms[name] ?? [];
    const child = services.spawnService(name, { ...portEnv, ...env, ...extraEnv }, (line: string) => {
      logs[name].push(line);
      if (ALARMING_LINE.test(line)) alarms[name].push(line);
      if (logs[name].length > 200) logs[name].shift();
    });
    children[name] = child;
    try {
      await services.waitReady(name, ports[name], child, readyWithinMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${logs[name].slice(-20).join('\n')}`);
    }
  };
  const stop = async (name?: string) => {
    const stopping = name ? [name] : Object.keys(children);
    await Promise.all(stopping.map((n) => services.stopProcess(children[n])));
  };

  try {
    await Promise.all(names.map((name) => launch(name)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    urls: Object.fromEntries(names.map((name) => [name, `http://127.0.0.1:${ports[name]}`])),
    logs,
    alarms,
    stop,
    restart: async (name: string, extraEnv?: Record<string, string>) => {
      await stop(name);
      await launch(name, extraEnv);
    },
  };
}
