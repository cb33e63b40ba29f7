// CPU seconds and resident memory of every process taking part, read from /proc every 500 ms, so
// the report can show where the time goes. A process is followed by pid (the services, the
// broker's JVM, the relay hops, the benchmark itself); PostgreSQL's are found by scanning /proc
// at each sample, since backends come and go: the backends of the bench database and the
// server's own processes (checkpointer, WAL writer...) count as "postgres"; backends of other
// databases (other users of the shared server) are kept apart as "postgres, other databases".
// A process that has gone keeps its last values, so up to one interval of its CPU may be missed.
// "rest of the machine" is the busy time of /proc/stat that none of these account for: other
// users of a shared machine, which the figures should be read against, with the share of the
// phase's time some runnable task waited for a CPU (/proc/pressure/cpu, "some").
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const CLIENT_BACKEND = /\d+\.\d+\.\d+\.\d+\(\d+\)|\[local\]/;
const OTHER_DATABASES = 'postgres, other databases';
const REST_OF_MACHINE = 'rest of the machine';
const RELAY_HOPS = 'relay hops';

class ProcessSampler {
  constructor({ database, intervalMs = 500 }) {
    this.database = database;
    this.intervalMs = intervalMs;
    this.clockTicks = clockTicksPerSecond();
    this.followed = new Map(); // pid -> group
    this.records = new Map(); // `${pid}:${starttime}` -> { group, ticks, rssKb, hwmKb }
    this.postgresKinds = new Map(); // `${pid}:${starttime}` -> group, or null when not postgres
    this.phase = undefined;
    this.groups = new Set();
  }

  follow(group, pid) {
    if (!pid) return;
    this.followed.set(pid, group);
    this.groups.add(group);
  }

  /** Stops reading a pid (it exited) but keeps what was read of it. */
  forget(pid) {
    this.followed.delete(pid);
  }

  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop() {
    clearInterval(this.timer);
  }

  beginPhase(name) {
    this.sample();
    this.phase = { name, startedAt: Date.now(), startTicks: new Map([...this.records].map(([key, r]) => [key, r.ticks])), machineBusyTicks: machineBusyTicks(), cpuStallMicros: cpuStallMicros(), peakRssKb: {} };
  }

  /** CPU seconds and peak RSS of each group during the phase. */
  endPhase() {
    this.sample();
    const phase = this.phase;
    this.phase = undefined;
    const cpuTicks = {};
    for (const [key, record] of this.records) {
      const used = record.ticks - (phase.startTicks.get(key) ?? 0);
      cpuTicks[record.group] = (cpuTicks[record.group] ?? 0) + used;
    }
    const ours = Object.values(cpuTicks).reduce((sum, ticks) => sum + ticks, 0);
    cpuTicks[REST_OF_MACHINE] = Math.max(0, machineBusyTicks() - phase.machineBusyTicks - ours);
    const wallSeconds = (Date.now() - phase.startedAt) / 1000;
    const processes = {};
    for (const group of this.orderedGroups()) {
      const cpuSeconds = (cpuTicks[group] ?? 0) / this.clockTicks;
      processes[group] = { cpuSeconds: round(cpuSeconds, 2), cpuPercent: round((100 * cpuSeconds) / wallSeconds, 1), peakRssMb: round((phase.peakRssKb[group] ?? 0) / 1024, 1) };
    }
    const stalled = cpuStallMicros() - phase.cpuStallMicros;
    const cpuPressurePercent = Number.isNaN(stalled) ? null : round(stalled / (10_000 * wallSeconds), 1);
    return { phase: phase.name, wallSeconds: round(wallSeconds, 1), cpuPressurePercent, processes };
  }

  /** Peak RSS of each group over the whole run: VmHWM for a single process, the largest sample otherwise. */
  peaks() {
    const peaks = {};
    for (const group of this.orderedGroups()) {
      const members = [...this.records.values()].filter((r) => r.group === group);
      const hwm = members.length === 1 ? members[0].hwmKb : 0;
      peaks[group] = members.length === 0 ? null : round(Math.max(hwm, this.runPeakRssKb?.[group] ?? 0) / 1024, 1);
    }
    return peaks;
  }

  orderedGroups() {
    const named = [...this.groups].filter((group) => !group.startsWith('postgres') && group !== RELAY_HOPS);
    return [...named, ...(this.groups.has(RELAY_HOPS) ? [RELAY_HOPS] : []), 'postgres', OTHER_DATABASES, REST_OF_MACHINE];
  }

  sample() {
    const now = {}; // group -> { processes, rssKb, anonKb, sharedKb }
    const read = (pid, group) => {
      const reading = readProcess(pid);
      if (!reading) return false;
      const key = `${pid}:${reading.starttime}`;
      this.records.set(key, { group, ticks: reading.ticks, rssKb: reading.rssKb, hwmKb: reading.hwmKb });
      const g = (now[group] ??= { processes: 0, rssKb: 0, anonKb: 0, sharedKb: 0 });
      g.processes++;
      g.rssKb += reading.rssKb;
      g.anonKb += reading.anonKb;
      g.sharedKb = Math.max(g.sharedKb, reading.rssKb - reading.anonKb);
      return true;
    };
    for (const [pid, group] of this.followed) if (!read(pid, group)) this.followed.delete(pid);
    for (const pid of listPids()) {
      const group = this.postgresGroup(pid);
      if (group) read(pid, group);
    }
    this.runPeakRssKb ??= {};
    // Several processes (PostgreSQL's, the relay hops) share pages (shared buffers, the binary):
    // their private memory is summed and the largest shared part counted once.
    const rssNow = Object.fromEntries(Object.entries(now).map(([group, g]) => [group, g.processes === 1 ? g.rssKb : g.anonKb + g.sharedKb]));
    for (const [group, kb] of Object.entries(rssNow)) {
      this.runPeakRssKb[group] = Math.max(this.runPeakRssKb[group] ?? 0, kb);
      if (this.phase) this.phase.peakRssKb[group] = Math.max(this.phase.peakRssKb[group] ?? 0, kb);
    }
  }

  /** "postgres", OTHER_DATABASES, or undefined for a process that is not PostgreSQL's. */
  postgresGroup(pid) {
    const starttime = readStartTime(pid);
    if (starttime === undefined) return undefined;
    const key = `${pid}:${starttime}`;
    if (!this.postgresKinds.has(key)) this.postgresKinds.set(key, classifyPostgres(pid, this.database));
    return this.postgresKinds.get(key) ?? undefined;
  }
}

function classifyPostgres(pid, database) {
  try {
    if (fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') return null;
    const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
    if (!CLIENT_BACKEND.test(title)) return 'postgres'; // the postmaster and its background processes
    return title.split(/\s+/).includes(database) ? 'postgres' : OTHER_DATABASES;
  } catch {
    return null;
  }
}

/** utime + stime (clock ticks), VmRSS and VmHWM (kB) of a live process, or undefined. */
function readProcess(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields[0] is field 3 (state)
    if (fields[0] === 'Z') return undefined;
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    return {
      ticks: Number(fields[11]) + Number(fields[12]),
      starttime: fields[19],
      rssKb: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0),
      hwmKb: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0),
      anonKb: Number(/RssAnon:\s+(\d+)/.exec(status)?.[1] ?? 0),
    };
  } catch {
    return undefined;
  }
}

/** Busy time of every CPU since boot (all but idle and iowait), in clock ticks. */
function machineBusyTicks() {
  const [, ...counters] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
  const [user, nice, system, , , irq, softirq, steal] = counters.map(Number);
  return user + nice + system + irq + softirq + (steal || 0);
}

/** Microseconds some task has waited for a CPU since boot (pressure stall information), or NaN. */
function cpuStallMicros() {
  try {
    return Number(/some .*total=(\d+)/.exec(fs.readFileSync('/proc/pressure/cpu', 'utf8'))[1]);
  } catch {
    return NaN;
  }
}

function readStartTime(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function listPids() {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
}

/** The broker's JVM: the java process whose command line names the properties file of our port. */
function findBrokerPid(port) {
  for (const pid of listPids()) {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      if (args.includes('kafka.Kafka') && args.some((arg) => arg.endsWith(`server-${port}.properties`))) return pid;
    } catch {
      // gone
    }
  }
  return undefined;
}

function clockTicksPerSecond() {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
}

function round(value, digits) {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

module.exports = { ProcessSampler, findBrokerPid };
