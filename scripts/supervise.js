// Keeps the services of `npm start` running. A service that exits on its own is a crash: it is
// logged with the service's last lines and the service is started again after a backoff (1 s,
// doubling to 30 s; back to 1 s once a run has stayed up for a minute). Only stop() ends a
// service for good, and start.js calls it only on Ctrl-C (SIGINT) or SIGTERM.

const DEFAULTS = { initialBackoffMs: 1_000, maxBackoffMs: 30_000, stableAfterMs: 60_000, lastLines: 20 };

/**
 * Supervises one service. `spawn(onLine)` starts it and returns its ChildProcess, passing every
 * output line to onLine. Options: `print(line)` (where the supervisor's and the service's lines
 * go), `format(line)` (how a service line is shown), the backoff numbers of DEFAULTS, and
 * `stopProcess(child)` (how a child is ended).
 */
function supervise(name, spawn, options = {}) {
  const { initialBackoffMs, maxBackoffMs, stableAfterMs, lastLines } = { ...DEFAULTS, ...options };
  const print = options.print ?? ((line) => process.stdout.write(`${line}\n`));
  const format = options.format ?? ((line) => `${name} | ${line}`);
  const stopProcess = options.stopProcess ?? require('./services').stopProcess;
  const recent = [];
  let child;
  let startedAt = 0;
  let backoffMs = initialBackoffMs;
  let restartTimer;
  let stopping = false;
  let runs = 0;

  const onLine = (line) => {
    recent.push(line);
    if (recent.length > lastLines) recent.shift();
    print(format(line));
  };

  const scheduleRestart = (why) => {
    const upMs = Date.now() - startedAt;
    if (upMs >= stableAfterMs) backoffMs = initialBackoffMs;
    const delayMs = backoffMs;
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    print(`[start] ${name} ${why} after ${(upMs / 1000).toFixed(1)}s; restarting in ${(delayMs / 1000).toFixed(1)}s. Its last ${recent.length} lines:`);
    for (const line of recent) print(`[start]   ${format(line)}`);
    restartTimer = setTimeout(start, delayMs);
  };

  const start = () => {
    restartTimer = undefined;
    if (stopping) return;
    runs += 1;
    startedAt = Date.now();
    recent.length = 0;
    try {
      child = spawn(onLine);
    } catch (error) {
      if (runs === 1) throw error;
      return scheduleRestart(`could not be started (${error.message})`);
    }
    // 'close', not 'exit': the output is read to its end, so the last lines are all there.
    child.once('close', (code, signal) => {
      if (!stopping) scheduleRestart(`crashed (${signal ? `signal ${signal}` : `code ${code}`})`);
    });
  };
  start();

  return {
    name,
    /** The current process (a new one after each restart). */
    get child() {
      return child;
    },
    /** How many times the service was started, the first start included. */
    get runs() {
      return runs;
    },
    /** Ends the service for good: no restart after this. */
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      if (child) await stopProcess(child);
    },
  };
}

/** Calls `stop` once on the first SIGINT or SIGTERM (a second Ctrl-C does not start it again). */
function stopOnSignals(stop) {
  let stopped = false;
  const once = () => {
    if (stopped) return;
    stopped = true;
    void stop();
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
}

module.exports = { supervise, stopOnSignals, SUPERVISOR_DEFAULTS: DEFAULTS };
