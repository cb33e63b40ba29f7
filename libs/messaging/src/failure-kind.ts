// Which failures heal by themselves (a database or broker away, a lost connection, a deadlock or
// serialization conflict) and which never will (a bug, a value PostgreSQL refuses). The first
// are retried for as long as it takes, with backoff; the second are dead-lettered at once; what
// cannot be told is retried a few times, then dead-lettered.
export type FailureKind = 'transient' | 'permanent' | 'unknown';

/** SQLSTATE classes and codes of failures that heal: connection (08), resources (53), operator intervention (57), system (58). */
const TRANSIENT_SQLSTATE_CLASSES = ['08', '53', '57', '58'];
const TRANSIENT_SQLSTATES = ['40001', '40P01', '55P03', '55006'];
/** SQLSTATE classes of values or statements PostgreSQL refuses: data exception (22), syntax or access rule (42). */
const PERMANENT_SQLSTATE_CLASSES = ['22', '42'];
const TRANSIENT_NETWORK_CODES = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'];
const TRANSIENT_MESSAGES = [/connection terminated/i, /timeout exceeded when trying to connect/i, /Connection terminated unexpectedly/i, /the database system is (starting up|shutting down|in recovery mode)/i, /is not currently accepting connections/i, /Client has encountered a connection error/i];

export function failureKind(error: unknown): FailureKind {
  const { code, name, message } = (error ?? {}) as { code?: unknown; name?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (TRANSIENT_NETWORK_CODES.includes(code) || TRANSIENT_SQLSTATES.includes(code)) return 'transient';
    if (/^[0-9A-Z]{5}$/.test(code)) {
      const sqlClass = code.slice(0, 2);
      if (TRANSIENT_SQLSTATE_CLASSES.includes(sqlClass)) return 'transient';
      if (PERMANENT_SQLSTATE_CLASSES.includes(sqlClass)) return 'permanent';
    }
  }
  if (typeof name === 'string' && name.startsWith('KafkaJS')) return 'transient';
  if (typeof message === 'string' && TRANSIENT_MESSAGES.some((pattern) => pattern.test(message))) return 'transient';
  if (error instanceof TypeError || error instanceof ReferenceError || error instanceof SyntaxError || error instanceof RangeError) return 'permanent';
  return 'unknown';
}
