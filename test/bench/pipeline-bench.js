// The end-to-end benchmark (never part of `npm test`). It starts its own broker (infra/kafka on
// port 29292, fresh) and a fresh database, runs every service as its own process (ports 4320+)
// and plays the platform (platform-actor.js): a mix of 60 % bonded zone (a third of them priced
// to get a proof request), 30 % direct mail and 10 % general trade (half with a quarantine item),
// each order of a new consumer, answered (proof, tax payment, signature, pickup) until COMPLETED.
// It measures:
//   saturation  N orders injected in batched sends as fast as the broker takes them: completed
//               orders/s from the first injected to the last COMPLETED, and the consumptions an
//               order takes (events handled by the services' consumers, consumptions.js);
//   sustained   half the saturation rate (rounded) offered for S seconds, a load the system
//               should carry: latency from order-placed to APPROVED and to COMPLETED
//               (p50/p95/p99) as the platform sees them on cbec.platform.outbound, and CPU per order;
//   burst       R orders/s for S seconds (above capacity with the defaults): the same latencies,
//               whether every order still ended (COMPLETED or REJECTED), and the drain time, from
//               the last order offered to the last that ended;
//   relays      the bare and the durable reference relay (relay-hop.js, one process per hop)
//               over as many hops as an order's longest path takes (8), messages/s end to end,
//               and the saturation orders/s as a ratio of each, and of the durable relay's
//               consumptions/s (hopRatio);
// and CPU seconds and peak RSS of every process per phase (process-sampler.js). Orders that end
// otherwise (REJECTED, refused requests) are counted; each phase gives up at a deadline and says
// how many were left. Prints a progress line every 3 s, a table at the end, and writes
// test/bench/results/<time>.json.
//
//   npm run bench -- [flags]
//     --orders N          saturation orders (2000; 0 skips the phase)
//     --sustained-seconds S  how long the sustained rate is offered (30; 0 skips the phase)
//     --sustained-rate R  the sustained rate, instead of half the saturation rate (needed when
//                         saturation is skipped; the phase is skipped otherwise)
//     --rate R            burst orders per second (200); also --burst-rate
//     --seconds S         how long the burst is offered (30; 0 skips the phase); also --burst-seconds
//     --relay-messages M  messages through each relay (20000)
//     --only PARTS        comma-separated: saturation, sustained, burst (or rate), relays, bare,
//                         durable (all)
//     --hops H            relay hops (8)        --partitions P   topic partitions (6)
//     --history N         pre-fill each service's inbox and outbox with N orders of rows (0)
//     --history-age MIN   how long ago those rows were published (30; the outbox relay deletes
//                         published rows after an hour)
//     --deadline S        seconds a phase may run after its last order is injected (180)
//     --budget S          seconds the whole run may take (570): a phase gives up earlier when
//                         waiting longer would leave too little for what follows
//     --batch B           orders per send in saturation (200)     --warmup W   warm-up orders (10)
//     --out FILE          where the JSON goes          --keep-database   leave the database
//     --broker-port P     the broker's port (29292; the controller takes P+1)
//     --service-port P    the first service's port (4320; the others follow)
const { execFileSync } = require('node:child_process');
const net = require('node:net');
const os = require('node:os');
const { Client } = require('pg');
const { Kafka, logLevel } = require('kafkajs');
const kafkaRunner = require('../../infra/kafka/kafka.js');
const { ROOT, serviceNames, spawnService, waitReady, stopProcess } = require('../../scripts/services');
const { orderOf, MIX } = require('./order-mix');
const { PlatformActor, PhaseTally } = require('./platform-actor');
const { runRelay } = require('./relays');
const { ProcessSampler, findBrokerPid } = require('./process-sampler');
const { measureRowsPerOrder, prefillHistory, historyRowsLeft } = require('./history');
const { quietInboxRows, consumptionsPerOrder } = require('./consumptions');
const { summarizePhase, summarizeDrain, cpuPerOrder, summarizeRelay, printTable, writeResult, round } = require('./report');

const PROGRESS_EVERY_MS = 3000;
const TEARDOWN_MS = 20_000;
const DAY_MS = 24 * 3_600_000;
/** A phase that offers a rate and waits for its orders leaves the phases after it this long to settle. */
const SETTLE_RESERVE_MS = 60_000;
const PARTS = ['saturation', 'sustained', 'burst', 'bare', 'durable'];
/** The phases in the order they run (after the relays). */
const PIPELINE_PHASES = ['saturation', 'sustained', 'burst'];
const DEFAULTS = { orders: 2000, 'sustained-seconds': 30, rate: 200, seconds: 30, 'relay-messages': 20000, only: 'saturation,sustained,burst,relays', hops: 8, partitions: 6, history: 0, 'history-age': 30, deadline: 180, budget: 570, batch: 200, warmup: 10, 'broker-port': 29292, 'service-port': 4320 };
/** The burst was the "rate" phase: its flags and its part keep their old names, the new ones are aliases. */
const ALIASES = { 'burst-rate': 'rate', 'burst-seconds': 'seconds' };
const FLAGS = new Set([...Object.keys(DEFAULTS), ...Object.keys(ALIASES), 'sustained-rate', 'out', 'keep-database']);
const say = (line) => process.stdout.write(`[bench] ${line}\n`);

class UsageError extends Error {}

function readOptions(argv) {
  const given = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].replace(/^--/, '').split('=');
    if (!argv[i].startsWith('--') || !FLAGS.has(flag)) throw new UsageError(`unknown argument ${argv[i]} (see the flags at the top of test/bench/pipeline-bench.js)`);
    given[ALIASES[flag] ?? flag] = flag === 'keep-database' ? true : (inline ?? argv[++i]);
  }
  const o = { ...DEFAULTS, ...given };
  const alias = { relays: ['bare', 'durable'], rate: ['burst'] };
  const parts = new Set(String(o.only).split(',').flatMap((part) => alias[part.trim()] ?? [part.trim()]));
  for (const part of parts) if (!PARTS.includes(part)) throw new UsageError(`--only: unknown part ${part} (saturation, sustained, burst, relays, bare, durable)`);
  const number = (name) => {
    const value = Number(o[name]);
    if (!Number.isFinite(value) || value < 0) throw new UsageError(`--${name} must be a number of at least 0, got ${o[name]}`);
    return value;
  };
  const options = {
    orders: number('orders'), sustainedSeconds: number('sustained-seconds'), sustainedRate: o['sustained-rate'] === undefined ? null : number('sustained-rate'),
    burstRate: number('rate'), burstSeconds: number('seconds'), relayMessages: number('relay-messages'), hops: number('hops'), partitions: number('partitions'),
    history: number('history'), historyAgeMinutes: number('history-age'), deadlineMs: number('deadline') * 1000, budgetMs: number('budget') * 1000, batch: Math.max(1, number('batch')), warmup: Math.max(1, number('warmup')),
    brokerPort: number('broker-port'), firstServicePort: number('service-port'), out: o.out, keepDatabase: Boolean(o['keep-database']),
  };
  options.parts = {
    saturation: parts.has('saturation') && options.orders > 0,
    sustained: parts.has('sustained') && options.sustainedSeconds > 0 && options.sustainedRate !== 0,
    burst: parts.has('burst') && options.burstRate > 0 && options.burstSeconds > 0,
    bare: parts.has('bare'),
    durable: parts.has('durable'),
  };
  return options;
}

async function main() {
  const options = readOptions(process.argv.slice(2));
  const startedAt = new Date().toISOString();
  options.budgetEndsAt = Date.now() + options.budgetMs;
  const runId = Date.now().toString(36);
  const result = { startedAt, commit: gitCommit(), machine: machine(), options: printable(options), mix: MIX, phases: [] };
  if (options.parts.sustained && !options.parts.saturation) {
    // Without a saturation rate to halve and no --sustained-rate, there is no rate to offer.
    const plan = sustainedPlan(options, undefined);
    if (plan.skipped) skipSustained(options, result, plan.skipped);
  }
  const needsServices = PIPELINE_PHASES.some((phase) => options.parts[phase]);
  const resources = { children: [], platform: undefined, broker: undefined, database: `cbec_bench_${Date.now()}`, sampler: undefined };
  const cleanUp = () => tearDown(resources, options);
  process.once('SIGINT', () => cleanUp().finally(() => process.exit(130)));

  if (needsServices) {
    say('building...');
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  }
  await kafkaRunner.stopKafka({ port: options.brokerPort });
  resources.broker = await kafkaRunner.startKafka({ port: options.brokerPort, fresh: true });
  // stopKafka stopped any broker of ours there, so one still answering is somebody else's.
  if (resources.broker.reused) throw new Error(`another broker answers on ${resources.broker.brokers}: choose a free --broker-port`);
  await sql('postgres', `CREATE DATABASE ${resources.database}`);
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${resources.database}`;
  const sampler = (resources.sampler = new ProcessSampler({ database: resources.database }));
  sampler.follow('bench (platform, injector, sink)', process.pid);
  sampler.follow('kafka', resources.broker.pid ?? findBrokerPid(options.brokerPort));
  sampler.start();
  const kafka = new Kafka({ clientId: 'bench', brokers: [resources.broker.brokers], logLevel: logLevel.NOTHING });

  try {
    const relays = await runRelays(kafka, resources, databaseUrl, options, result);
    const { saturation, sustained, burst } = needsServices ? await runPipeline(kafka, resources, databaseUrl, options, runId, result) : {};
    const latencies = (phase) => (phase ? { approved: phase.latencyMs.approved, completed: phase.latencyMs.completed } : null);
    Object.assign(result, {
      saturation: saturation ?? null,
      sustained: sustained ?? null,
      burst: burst ?? null,
      relays,
      ordersPerSecond: saturation?.ordersPerSecond ?? null,
      sustainedRate: sustained?.offeredRate ?? null,
      sustainedLatencyMs: latencies(sustained),
      sustainedCpuMsPerOrder: sustained?.cpuMsPerOrder?.pipeline ?? null,
      // offeredRate and latencyMs are the burst's, under the names they had as the "rate" phase.
      offeredRate: burst?.offeredRate ?? null,
      latencyMs: latencies(burst),
      burstAllTerminal: burst?.allTerminal ?? null,
      burstDrainSeconds: burst?.drainSeconds ?? null,
      cpuSeconds: Object.fromEntries(result.phases.map((phase) => [phase.phase, Object.fromEntries(Object.entries(phase.processes).map(([name, p]) => [name, p.cpuSeconds]))])),
      peakRssMb: sampler.peaks(),
    });
    result.consumptionsPerOrder ??= null;
    Object.assign(result, relayRatios(result.ordersPerSecond, result.consumptionsPerOrder, relays));
    result.machine.loadAverageAtEnd = os.loadavg().map((l) => round(l, 2));
    printTable(result, say);
    say(`results: ${writeResult(result, options.out)}`);
  } finally {
    await cleanUp();
  }
}

/** The bare and the durable relay, before the services start, so nothing else loads the broker. */
async function runRelays(kafka, resources, databaseUrl, options, result) {
  const relays = {};
  const sampler = resources.sampler;
  for (const mode of ['bare', 'durable'].filter((m) => options.parts[m])) {
    const relay = await runRelay(kafka, {
      mode, hops: options.hops, messages: options.relayMessages, partitions: options.partitions, brokers: resources.broker.brokers, databaseUrl, deadlineMs: 180_000,
      onProcess: (group, pid) => sampler.follow(group, pid), onProcessEnd: (pid) => sampler.forget(pid), progress: say,
      measuring: { begin: () => sampler.beginPhase(`${mode} relay`), end: () => result.phases.push(sampler.endPhase()) },
    });
    relays[mode] = summarizeRelay(relay);
    say(`${mode} relay: ${relay.arrived}/${relay.messages} messages in ${relay.seconds.toFixed(1)}s, ${relay.messagesPerSecond.toFixed(0)} messages/s`);
  }
  return relays;
}

/** The services, a warm-up (which also tells how many rows an order leaves), the history, then the pipeline phases. */
async function runPipeline(kafka, resources, databaseUrl, options, runId, result) {
  const sampler = resources.sampler;
  const platform = await startSystem(resources, kafka, databaseUrl, options, sampler);
  let next = 0;
  const ordersOf = (count) => Array.from({ length: count }, () => orderOf(next++, runId, 'bench'));

  say(`warm-up: ${options.warmup} orders...`);
  const warmUp = new PhaseTally('warm-up');
  await platform.place(warmUp, ordersOf(options.warmup));
  await settle(warmUp, 120_000, resources);
  if (warmUp.completed < warmUp.injected) say(`warm-up: only ${warmUp.completed} of ${warmUp.injected} COMPLETED (rejected ${JSON.stringify(warmUp.rejectedBy)}, refused ${JSON.stringify(warmUp.refusedBy)})`);
  result.warmUp = summarizePhase(warmUp, { gaveUp: !warmUp.settled, injectSeconds: 0 });

  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    result.rowsPerOrder = roundAll(await measureRowsPerOrder(client, warmUp.injected));
    if (options.history > 0) {
      say(`history: ${options.history} orders of inbox and outbox rows per service (${JSON.stringify(result.rowsPerOrder)} per order)...`);
      sampler.beginPhase('history');
      result.history = await prefillHistory(client, { orders: options.history, perOrder: result.rowsPerOrder, ageMinutes: options.historyAgeMinutes, progress: say });
      result.phases.push(sampler.endPhase());
    }
    let saturation;
    if (options.parts.saturation) {
      // Counted outside the phase, once the inbox is still, so the warm-up's last consumptions are
      // before it and the saturation's last ones after it.
      const before = await quietInboxRows(client);
      saturation = await runSaturation(platform, ordersOf, options, sampler, resources, result);
      const consumptions = consumptionsPerOrder(before, await quietInboxRows(client), saturation.completed);
      result.consumptionsPerOrder = round(consumptions.perOrder, 2);
      result.consumptionsPerOrderBySchema = consumptions.bySchema && Object.fromEntries(Object.entries(consumptions.bySchema).map(([schema, n]) => [schema, round(n, 2)]));
    }
    let sustained;
    if (options.parts.sustained) {
      const plan = sustainedPlan(options, saturation);
      if (plan.skipped) skipSustained(options, result, plan.skipped);
      else sustained = { basis: plan.basis, ...(await runOfferedRate(platform, ordersOf, 'sustained', plan.rate, options.sustainedSeconds, options, sampler, resources, result)) };
    }
    const burst = options.parts.burst ? await runOfferedRate(platform, ordersOf, 'burst', options.burstRate, options.burstSeconds, options, sampler, resources, result) : undefined;
    if (options.history > 0) result.history.outboxRowsLeftAtEnd = await historyRowsLeft(client);
    return { saturation, sustained, burst };
  } finally {
    await client.end();
  }
}

/** The sustained phase's rate: --sustained-rate, else half the saturation rate, rounded; or why there is none. */
function sustainedPlan(options, saturation) {
  if (options.sustainedRate !== null) return { rate: options.sustainedRate, basis: '--sustained-rate' };
  if (!saturation?.ordersPerSecond) return { skipped: 'no saturation rate to halve (saturation skipped or nothing completed) and no --sustained-rate' };
  const rate = Math.round(saturation.ordersPerSecond / 2);
  if (rate === 0) return { skipped: `half the saturation rate (${saturation.ordersPerSecond} orders/s) rounds to 0 orders/s; pass --sustained-rate` };
  return { rate, basis: `half the saturation rate (${saturation.ordersPerSecond} orders/s)` };
}

function skipSustained(options, result, reason) {
  say(`sustained: skipped: ${reason}`);
  options.parts.sustained = false;
  result.sustainedSkipped = reason;
}

/** Starts every service on the bench's ports with long timeouts and an instant quarantine, then the platform. */
async function startSystem(resources, kafka, databaseUrl, options, sampler) {
  const env = {
    KAFKA_BROKERS: resources.broker.brokers,
    DATABASE_URL: databaseUrl,
    KAFKA_PARTITIONS: String(options.partitions),
    LOG_LEVEL: 'warn',
    GATEWAY_API_KEYS: 'ops:bench-ops-key',
    TAX_DUE_MS: String(30 * DAY_MS),
    PROOF_DUE_MS: String(30 * DAY_MS),
    PICKUP_WINDOW_MS: String(30 * DAY_MS),
    QUARANTINE_DURATION_MS: '0',
    INSPECTION_SAMPLING_RATE: '0',
  };
  const names = serviceNames();
  for (let i = 0; i < names.length; i++) {
    if (!(await isPortFree(options.firstServicePort + i))) throw new Error(`port ${options.firstServicePort + i} is taken: choose a free --service-port`);
  }
  names.forEach((name, i) => {
    const port = options.firstServicePort + i;
    const lines = [];
    const child = spawnService(name, { ...env, [`${name.toUpperCase().replace(/-/g, '_')}_PORT`]: String(port) }, (line) => {
      lines.push(line);
      if (lines.length > 20) lines.shift();
    });
    resources.children.push({ name, port, child, lines });
    sampler.follow(name, child.pid);
  });
  await Promise.all(resources.children.map(({ name, port, child }) => waitReady(name, port, child, 180_000)));
  say(`${resources.children.length} services up (ports ${options.firstServicePort}-${options.firstServicePort + resources.children.length - 1})`);
  resources.platform = new PlatformActor(kafka, { platformId: 'bench' });
  await resources.platform.start();
  return resources.platform;
}

/** N orders in batched sends, each send awaited before the next: as fast as the broker takes them. */
async function runSaturation(platform, ordersOf, options, sampler, resources, result) {
  say(`saturation: ${options.orders} orders in sends of ${options.batch}...`);
  return inPhase('saturation', sampler, result, async (tally) => {
    const started = Date.now();
    for (let sent = 0; sent < options.orders; sent += options.batch) await platform.place(tally, ordersOf(Math.min(options.batch, options.orders - sent)));
    const injectSeconds = (Date.now() - started) / 1000;
    const gaveUp = !(await settle(tally, phaseDeadline(options, reserveAfter('saturation', options)), resources));
    return summarizePhase(tally, { gaveUp, injectSeconds });
  });
}

/** `rate` orders per second for `seconds` seconds, a batch every 100 ms holding what is due by then (the sustained and the burst phase). */
async function runOfferedRate(platform, ordersOf, name, rate, seconds, options, sampler, resources, result) {
  say(`${name}: ${rate} orders/s for ${seconds}s...`);
  return inPhase(name, sampler, result, async (tally) => {
    const total = Math.max(1, Math.round(rate * seconds));
    const started = Date.now();
    while (tally.injected < total) {
      const due = Math.min(total, Math.floor((rate * (Date.now() - started)) / 1000)) - tally.injected;
      if (due > 0) await platform.place(tally, ordersOf(due));
      await sleep(100);
    }
    const injectSeconds = (Date.now() - started) / 1000;
    const gaveUp = !(await settle(tally, phaseDeadline(options, reserveAfter(name, options)), resources));
    return { offeredRate: rate, offeredSeconds: seconds, achievedInjectRate: round(total / injectSeconds, 1), ...summarizePhase(tally, { gaveUp, injectSeconds }), ...summarizeDrain(tally) };
  });
}

/**
 * One measured phase: its tally, its CPU (process-sampler.js) and a progress line around `body`,
 * which returns the phase's summary; adds the CPU per completed order of the pipeline's own
 * processes (the services, the broker, PostgreSQL's bench database), what an order costs
 * whatever else the machine runs. What they spend idle (relay polls, fetches) over the phase is
 * in it too, so at a low offered rate it weighs more.
 */
async function inPhase(name, sampler, result, body) {
  const tally = new PhaseTally(name);
  sampler.beginPhase(name);
  const ticker = progressLine(tally);
  let summary;
  try {
    summary = await body(tally);
  } finally {
    clearInterval(ticker);
    result.phases.push(sampler.endPhase());
  }
  return { ...summary, cpuMsPerOrder: cpuPerOrder(result.phases[result.phases.length - 1], [...serviceNames(), 'kafka', 'postgres'], summary.completed) };
}

/** What the phases after `phase` need: each offered rate its time and a minute to settle, and the teardown. */
function reserveAfter(phase, options) {
  const later = PIPELINE_PHASES.slice(PIPELINE_PHASES.indexOf(phase) + 1).filter((p) => options.parts[p]);
  const offeredMs = { sustained: options.sustainedSeconds * 1000, burst: options.burstSeconds * 1000 };
  return later.reduce((ms, p) => ms + (offeredMs[p] ?? 0) + SETTLE_RESERVE_MS, TEARDOWN_MS);
}

/** How long a phase may still wait: --deadline, or less when the run's --budget is running out. */
function phaseDeadline(options, reserveMs) {
  return Math.max(10_000, Math.min(options.deadlineMs, options.budgetEndsAt - Date.now() - reserveMs));
}

/** Resolves true once every order of the phase has ended, false at the deadline; throws if a service died. */
async function settle(tally, deadlineMs, resources) {
  const until = Date.now() + deadlineMs;
  while (!tally.settled) {
    const dead = resources.children.find(({ child }) => child.exitCode !== null || child.signalCode !== null);
    if (dead) throw new Error(`${dead.name} exited (${dead.child.exitCode ?? dead.child.signalCode}); its last lines:\n${dead.lines.join('\n')}`);
    if (Date.now() > until) {
      say(`${tally.name}: gave up at the deadline with ${tally.completed} of ${tally.injected} COMPLETED, ${tally.rejected} rejected, ${tally.injected - tally.ended} unfinished`);
      return false;
    }
    await sleep(100);
  }
  return true;
}

function progressLine(tally) {
  const started = Date.now();
  let last = { at: started, completed: 0 };
  return setInterval(() => {
    const now = Date.now();
    const perSecond = ((tally.completed - last.completed) * 1000) / (now - last.at);
    last = { at: now, completed: tally.completed };
    say(`${tally.name} ${((now - started) / 1000).toFixed(0)}s | injected ${tally.injected} | approved ${tally.approved} | completed ${tally.completed} | rejected ${tally.rejected} | refused ${tally.refused} | ${perSecond.toFixed(1)} completed/s`);
  }, PROGRESS_EVERY_MS);
}

async function tearDown(resources, options) {
  if (resources.done) return;
  resources.done = true;
  resources.sampler?.stop();
  await resources.platform?.stop().catch(() => undefined);
  await Promise.all(resources.children.map(({ child }) => stopProcess(child)));
  await resources.broker?.stop().catch((error) => say(`could not stop the broker: ${error.message}`));
  if (!options.keepDatabase) await sql('postgres', `DROP DATABASE IF EXISTS ${resources.database} WITH (FORCE)`).catch((error) => say(`could not drop ${resources.database}: ${error.message}`));
  else say(`kept database ${resources.database}`);
}

async function sql(databaseName, statement) {
  const client = new Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${databaseName}` });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

function ratio(ordersPerSecond, messagesPerSecond) {
  return ordersPerSecond && messagesPerSecond ? round(ordersPerSecond / messagesPerSecond, 4) : null;
}

/**
 * The saturation rate against the reference relays. ratioTo*Relay: orders/s over messages/s.
 * durableRelayShareOver8Hops: orders/s over (durable messages/s / hops), the durable relay's
 * messages/s divided among the hops an order's longest path takes, as issue 15's target (at
 * least 15 %) reads it; the name keeps "8" though --hops sets them. hopRatio: the pipeline's
 * handled consumptions/s (orders/s × consumptions per order) over the durable relay's (each
 * message is consumed once per hop): how the two compare consumption for consumption.
 */
function relayRatios(ordersPerSecond, consumptions, relays) {
  const durable = relays.durable;
  const durableConsumptions = durable ? durable.messagesPerSecond * durable.hops : null;
  return {
    ratioToDurableRelay: ratio(ordersPerSecond, durable?.messagesPerSecond),
    ratioToBareRelay: ratio(ordersPerSecond, relays.bare?.messagesPerSecond),
    durableRelayShareOver8Hops: durable ? ratio(ordersPerSecond, durable.messagesPerSecond / durable.hops) : null,
    hopRatio: consumptions ? ratio(ordersPerSecond * consumptions, durableConsumptions) : null,
  };
}

function machine() {
  return { cpus: os.cpus().length, loadAverageAtStart: os.loadavg().map((l) => round(l, 2)), node: process.version, kafkajs: require('kafkajs/package.json').version };
}

/** The options as the JSON shows them: durations in seconds. */
function printable(options) {
  const { deadlineMs, budgetMs, budgetEndsAt, ...rest } = options;
  return { ...rest, deadlineSeconds: deadlineMs / 1000, budgetSeconds: budgetMs / 1000 };
}

function roundAll(perSchema) {
  return Object.fromEntries(Object.entries(perSchema).map(([schema, tables]) => [schema, Object.fromEntries(Object.entries(tables).map(([t, n]) => [t, round(n, 2)]))]));
}

function gitCommit() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '0.0.0.0', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().then(() => process.exit(0), (error) => {
  process.stderr.write(`[bench] ${error instanceof UsageError ? error.message : `failed: ${error.stack}`}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
