// The system under test as separate processes, the way `npm start` runs it (scripts/services.js),
// on the harness's Kafka and database and on ports of their own. With `replicas`, every service
// runs as that many instances in the same consumer groups (instance 2 of `order` is `order#2`).
import path from 'node:path';
import { type ChildProcess, spawn } from 'node:child_process';

const REPO_ROOT = path.resolve(__dirname, '../../..');
const services = require(path.join(REPO_ROOT, 'scripts/services.js'));

/** What a service prints when something escaped every handler: pino's fatal level (60), the bootstrap's unhandled rejection, Node's own crash report. */
const ALARMING_LINE = /unhandled rejection|uncaught exception|"level":60|UnhandledPromiseRejection|^\s*(TypeError|RangeError|ReferenceError|Error):|FATAL ERROR/i;

/** The message of a JSON log line at warn level or above, else undefined. */
function failureMessage(line: string): string | undefined {
  if (!line.startsWith('{')) return undefined;
  try {
    const { level, msg } = JSON.parse(line);
    return level === 'warn' || level === 'error' || level === 'fatal' || (typeof level === 'number' && level >= 40) ? String(msg) : undefined;
  } catch {
    return undefined;
  }
}

export interface RunningSystem {
  /** The HTTP base URL of each instance (`order`, and `order#2`... with replicas). */
  urls: Record<string, string>;
  /** The last lines each instance printed, for a failing test's message. */
  logs: Record<string, string[]>;
  /** How many lines each instance has printed (all its processes together). */
  printed: Record<string, number>;
  /** Every line of each instance that tells of a crash or an unhandled rejection, however long ago, and any exit not asked for. */
  alarms: Record<string, string[]>;
  /** How often each instance logged each warning or error, by its message: a failure logged in a loop shows here. */
  failuresLogged: Record<string, Record<string, number>>;
  stop(name?: string): Promise<void>;
  /** Stops an instance and starts it again, with extra environment if given. */
  restart(name: string, env?: Record<string, string>): Promise<void>;
  /** SIGKILL: the instance dies without leaving its consumer groups or finishing anything. */
  kill(name: string): Promise<void>;
  /** Starts an instance that was stopped or killed; resolves when /health/ready answers. */
  launch(name: string, env?: Record<string, string>): Promise<void>;
  /** Whether the instance's process is running. */
  alive(name: string): boolean;
}

export interface SystemOptions {
  /** Instances of every service, in the same consumer groups (default 1). */
  replicas?: number;
}

export async function startSystem(names: string[] = services.serviceNames(), env: Record<string, string> = {}, portBase = 4100, options: SystemOptions = {}): Promise<RunningSystem> {
  // TEST_PORT_OFFSET moves every port, so two checkouts can run their e2e files side by side.
  const offset = Number(process.env.TEST_PORT_OFFSET ?? 0);
  // A loaded machine may need longer than a minute to start six services at once.
  const readyWithinMs = Number(process.env.TEST_SERVICE_READY_MS ?? 60_000);
  const replicas = options.replicas ?? 1;
  const instances = names.flatMap((name) => Array.from({ length: replicas }, (_, i) => ({ service: name, instance: i === 0 ? name : `${name}#${i + 1}` })));
  const ports: Record<string, number> = Object.fromEntries(instances.map(({ instance }, i) => [instance, portBase + offset + (i % replicas) * names.length + Math.floor(i / replicas)]));
  const serviceOf: Record<string, string> = Object.fromEntries(instances.map(({ service, instance }) => [instance, service]));
  // Every service knows every first instance's port (the gateway calls none of the others).
  const portEnv = Object.fromEntries(names.map((name) => [portVariable(name), String(ports[name])]));
  const children: Record<string, ChildProcess> = {};
  const logs: Record<string, string[]> = {};
  const alarms: Record<string, string[]> = {};
  const exitAsked = new Set<string>();
  const printed: Record<string, number> = {};
  const failuresLogged: Record<string, Record<string, number>> = {};

  const launch = async (instance: string, extraEnv: Record<string, string> = {}) => {
    logs[instance] = logs[instance] ?? [];
    alarms[instance] = alarms[instance] ?? [];
    exitAsked.delete(instance);
    const service = serviceOf[instance];
    if (!service) throw new Error(`no instance "${instance}" in this system (${Object.keys(serviceOf).join(', ')})`);
    const child = services.spawnService(service, { ...portEnv, ...env, [portVariable(service)]: String(ports[instance]), ...extraEnv }, (line: string) => {
      logs[instance].push(line);
      printed[instance] = (printed[instance] ?? 0) + 1;
      if (ALARMING_LINE.test(line)) alarms[instance].push(line);
      const failure = failureMessage(line);
      if (failure) (failuresLogged[instance] ??= {})[failure] = (failuresLogged[instance]?.[failure] ?? 0) + 1;
      if (logs[instance].length > 200) logs[instance].shift();
    });
    children[instance] = child;
    child.once('exit', (code: number | null, signal: string | null) => {
      const line = `[harness] ${instance} exited (code ${code}, signal ${signal})`;
      logs[instance].push(line);
      // An exit nobody asked for (not stop, restart or kill) is a crash.
      if (!exitAsked.has(instance)) alarms[instance].push(line);
    });
    try {
      await services.waitReady(instance, ports[instance], child, readyWithinMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}\n${logs[instance].slice(-20).join('\n')}`);
    }
  };
  const stop = async (instance?: string) => {
    const stopping = instance ? [instance] : Object.keys(children);
    for (const n of stopping) exitAsked.add(n);
    await Promise.all(stopping.map((n) => services.stopProcess(children[n])));
  };
  const alive = (instance: string) => Boolean(children[instance]) && children[instance].exitCode === null && children[instance].signalCode === null;

  try {
    await Promise.all(instances.map(({ instance }) => launch(instance)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    urls: Object.fromEntries(instances.map(({ instance }) => [instance, `http://127.0.0.1:${ports[instance]}`])),
    logs,
    printed,
    alarms,
    failuresLogged,
    stop,
    restart: async (instance: string, extraEnv?: Record<string, string>) => {
      await stop(instance);
      await launch(instance, extraEnv);
    },
    kill: async (instance: string) => {
      const child = children[instance];
      if (!alive(instance)) return;
      exitAsked.add(instance);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    launch,
    alive,
  };
}

function portVariable(service: string): string {
  return `${service.toUpperCase().replace(/-/g, '_')}_PORT`;
}

/** The services of the system, gateway last (as scripts/services.js lists them). */
export function serviceNames(): string[] {
  return services.serviceNames();
}

/**
 * Runs `npm run read-model:rebuild` (replays the topics into a scratch schema and compares it with
 * the live read model) with the test's environment and `env`; resolves with what it printed when
 * it found them equal, rejects with it otherwise.
 */
export function rebuildReadModel(env: Record<string, string> = {}): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', './scripts/register-paths.js', 'dist/services/gateway/src/read-model/rebuild.js'], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (text += chunk));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`rebuild exited with ${code}:\n${text}`))));
  });
}
