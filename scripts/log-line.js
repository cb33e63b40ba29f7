// How `npm start` shows a service's log lines. The services log JSON (pino, one record a line);
// on a terminal that is hard to read, so start.js turns each record into one line: time (UTC),
// service, level, message, the order's key when the record names one, and the error. Lines that
// are not JSON records are shown as they are. LOG_FORMAT=json keeps the records as they came,
// LOG_FORMAT=pretty formats even when the output is not a terminal; by default (auto) only a
// terminal gets formatted lines, so a pipe or a file still receives JSON.

const LEVELS = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };
const NAME_WIDTH = 11;

/** 'pretty' or 'json', from LOG_FORMAT (json | pretty | auto, the default) and whether stdout is a terminal. */
function logFormatOf(env, isTTY) {
  const asked = (env.LOG_FORMAT ?? 'auto').toLowerCase();
  if (asked === 'json' || asked === 'pretty') return asked;
  if (asked !== 'auto') throw new Error(`LOG_FORMAT must be json, pretty or auto, got "${env.LOG_FORMAT}"`);
  return isTTY ? 'pretty' : 'json';
}

/** One line of a service's output as `npm start` prints it. */
function formatLogLine(service, line, format) {
  const prefix = `${service.padEnd(NAME_WIDTH + 1)}|`;
  if (format !== 'pretty') return `${prefix} ${line}`;
  const record = recordOf(line);
  if (!record) return `${prefix} ${line}`;
  const level = String(LEVELS[record.level] ?? record.level ?? '').toUpperCase().padEnd(5);
  const parts = [timeOf(record.time), service.padEnd(NAME_WIDTH), level, String(record.msg ?? '')];
  const key = orderKeyOf(record);
  if (key) parts.push(`[${key}]`);
  const error = errorOf(record);
  if (error) parts.push(`- ${error}`);
  return parts.join(' ');
}

function recordOf(line) {
  if (!line.startsWith('{')) return undefined;
  try {
    const record = JSON.parse(line);
    return record && typeof record === 'object' && !Array.isArray(record) && ('msg' in record || 'level' in record) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** HH:MM:SS.mmm of an ISO time or epoch milliseconds, UTC; blank when there is none. */
function timeOf(time) {
  const date = typeof time === 'number' || typeof time === 'string' ? new Date(time) : undefined;
  return date && !Number.isNaN(date.getTime()) ? date.toISOString().slice(11, 23) : ' '.repeat(12);
}

/** The order a record is about: the event's subject (`<platformId>/<orderId>`), its key, or both ids. */
function orderKeyOf(record) {
  if (typeof record.subject === 'string') return record.subject;
  if (typeof record.key === 'string') return record.key;
  if (typeof record.platformId === 'string' && typeof record.orderId === 'string') return `${record.platformId}/${record.orderId}`;
  return undefined;
}

function errorOf(record) {
  const err = record.err ?? record.error;
  if (typeof err === 'string') return err;
  if (err && typeof err === 'object' && typeof err.message === 'string') return err.message;
  return undefined;
}

module.exports = { logFormatOf, formatLogLine };
