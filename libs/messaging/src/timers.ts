// Durable timers (proof due, tax due, pickup window, quarantine): a row per (kind, order) in the
// service's schema, fired once by a poller in its own transaction with the events it causes, and
// deleted in that transaction, so a timer survives restarts and fires within a poll interval of
// its due time.
import type { DataSource, EntityManager } from 'typeorm';
import { CloudEvent } from './cloud-event';
import { backoffMs } from './backoff';
import type { HandlerContext, OutgoingEvent, TimerScheduler } from './context';
import type { Logger } from './logger';
import type { Outbox } from './publisher';
import type { MessagingTables } from './tables';

export interface DueTimer<T = any> {
  kind: string;
  /** The order it is about: `<platformId>/<orderId>`. */
  subject: string;
  dueAt: Date;
  data: T;
}

export interface TimerHandler<T = any> {
  readonly kind: string;
  fire(timer: DueTimer<T>, context: HandlerContext): Promise<void>;
}

/** The subject a timer call names, else the order's: a timer is always some order's. */
function subjectOrDefault(defaultSubject: string | undefined): (subject?: string) => string {
  return (subject) => {
    const resolved = subject ?? defaultSubject;
    if (!resolved) throw new Error('a timer needs the subject of its order');
    return resolved;
  };
}

export function timerScheduler(manager: EntityManager, tables: MessagingTables, defaultSubject: string | undefined, correlationId?: string): TimerScheduler {
  const subjectOr = subjectOrDefault(defaultSubject);
  return {
    async schedule(kind, dueAt, data = {}, subject) {
      await manager.query(
        `INSERT INTO ${tables.timer} (kind, subject, due_at, data, correlation_id) VALUES ($1, $2, $3, $4::jsonb, $5)
         ON CONFLICT (kind, subject) DO UPDATE SET due_at = EXCLUDED.due_at, data = EXCLUDED.data, fired_at = NULL, attempts = 0`,
        [kind, subjectOr(subject), dueAt.toISOString(), JSON.stringify(data), correlationId ?? null],
      );
    },
    async cancel(kind, subject) {
      await manager.query(`DELETE FROM ${tables.timer} WHERE kind = $1 AND subject = $2 AND fired_at IS NULL`, [kind, subjectOr(subject)]);
    },
  };
}

/** What a run's timer calls come to for one timer: a delete first (of an unfired row, or of any), then maybe a set. */
interface NetTimerChange {
  kind: string;
  subject: string;
  remove?: 'unfired' | 'any';
  set?: { dueAt: Date; data: unknown; correlationId: string | null };
}

/**
 * The timers of a run of events: schedulers per event that record, and one flush that writes
 * what the calls come to, in at most three statements, as if each had been written at once.
 */
export function timerBatch(manager: EntityManager, tables: MessagingTables): { schedulerFor(subject: string | undefined, correlationId?: string): TimerScheduler; flush(): Promise<void> } {
  const changes = new Map<string, NetTimerChange>();
  const changeOf = (kind: string, subject: string) => {
    const key = JSON.stringify([kind, subject]);
    if (!changes.has(key)) changes.set(key, { kind, subject });
    return changes.get(key)!;
  };
  return {
    schedulerFor(defaultSubject, correlationId) {
      const subjectOr = subjectOrDefault(defaultSubject);
      return {
        async schedule(kind, dueAt, data = {}, subject) {
          const change = changeOf(kind, subjectOr(subject));
          // A row set earlier in the run keeps the correlation id it was inserted with, as ON CONFLICT would.
          change.set = { dueAt, data, correlationId: change.set ? change.set.correlationId : (correlationId ?? null) };
        },
        async cancel(kind, subject) {
          const change = changeOf(kind, subjectOr(subject));
          // A timer set earlier in the run is unfired whatever it was before, so it goes whatever it was.
          change.remove = change.set || change.remove === 'any' ? 'any' : 'unfired';
          change.set = undefined;
        },
      };
    },
    async flush() {
      const all = [...changes.values()];
      changes.clear();
      for (const remove of ['unfired', 'any'] as const) {
        const gone = all.filter((change) => change.remove === remove);
        if (gone.length === 0) continue;
        await manager.query(
          `DELETE FROM ${tables.timer} AS t USING unnest($1::text[], $2::text[]) AS g(kind, subject) WHERE t.kind = g.kind AND t.subject = g.subject${remove === 'unfired' ? ' AND t.fired_at IS NULL' : ''}`,
          [gone.map((change) => change.kind), gone.map((change) => change.subject)],
        );
      }
      const set = all.filter((change) => change.set);
      if (set.length === 0) return;
      await manager.query(
        `INSERT INTO ${tables.timer} (kind, subject, due_at, data, correlation_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::jsonb[], $5::text[])
         ON CONFLICT (kind, subject) DO UPDATE SET due_at = EXCLUDED.due_at, data = EXCLUDED.data, fired_at = NULL, attempts = 0`,
        [set.map((c) => c.kind), set.map((c) => c.subject), set.map((c) => c.set!.dueAt.toISOString()), set.map((c) => JSON.stringify(c.set!.data)), set.map((c) => c.set!.correlationId)],
      );
    },
  };
}

export class TimerPoller {
  private running = false;
  private loopDone?: Promise<void>;
  private readonly handlers = new Map<string, TimerHandler>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: MessagingTables,
    private readonly outbox: Outbox,
    handlers: TimerHandler[],
    private readonly log: Logger,
    private readonly pollIntervalMs = 250,
  ) {
    for (const handler of handlers) this.handlers.set(handler.kind, handler);
  }

  start(): void {
    if (this.handlers.size === 0) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      let waitMs = this.pollIntervalMs;
      try {
        while (this.running && (await this.fireNext())) {
          // keep firing while timers are due
        }
        failures = 0;
      } catch (error) {
        failures++;
        waitMs = Math.max(this.pollIntervalMs, backoffMs(failures));
        this.log.error({ err: error, failures, retryInMs: waitMs }, 'timer poll failed');
      }
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }

  /**
   * Fires the most overdue timer, if any, in one transaction; true if one was due.
   *
   * The handler runs before the timer's row is touched: it locks its order first, as event
   * handlers do before they set or cancel the order's timers, so the two never wait on each
   * other in opposite orders (a deadlock). The timer is claimed after the handler, if it is still
   * as read; if a handler of its order cancelled or moved it meanwhile, the firing is undone.
   */
  async fireNext(): Promise<boolean> {
    const kinds = [...this.handlers.keys()];
    // A plain look first: most polls find nothing due and need no transaction.
    const [due] = await this.dataSource.query(`SELECT 1 FROM ${this.tables.timer} WHERE fired_at IS NULL AND due_at <= now() AND kind = ANY($1) LIMIT 1`, [kinds]);
    if (!due) return false;
    return this.dataSource.transaction(async (manager) => {
      // Pollers of other replicas skip a timer being fired by an advisory lock on it, which no
      // handler takes, rather than by a lock on its row.
      const [row] = await manager.query(
        `WITH due AS MATERIALIZED (
           SELECT kind, subject, due_at, data, correlation_id, attempts, xmin::text AS version FROM ${this.tables.timer}
           WHERE fired_at IS NULL AND due_at <= now() AND kind = ANY($1) ORDER BY due_at LIMIT 20)
         SELECT * FROM due WHERE pg_try_advisory_xact_lock(hashtextextended('timer:' || $2 || ':' || kind || ':' || subject, 0)) LIMIT 1`,
        [kinds, this.tables.schema],
      );
      if (!row) return false;
      const timer: DueTimer = { kind: row.kind, subject: row.subject, dueAt: new Date(row.due_at), data: row.data };
      const log = this.log.child({ timer: timer.kind, subject: timer.subject, correlationId: row.correlation_id });
      const outgoing: OutgoingEvent[] = [];
      try {
        await manager.transaction(async (inner) => {
          let setItself = false;
          await this.handlers.get(timer.kind)!.fire(timer, {
            manager: inner,
            log,
            publish: (event) => outgoing.push(event),
            timers: noticingItself(timerScheduler(inner, this.tables, timer.subject, row.correlation_id ?? undefined), timer, () => (setItself = true)),
          });
          // A handler that set or cancelled its own timer has decided what becomes of it.
          if (!setItself && !(await this.claim(inner, timer, row.version))) throw new TimerMoved();
          await this.outbox.publish(inner, outgoing.map((event) => ({ subject: timer.subject, ...event })), correlationCause(row.correlation_id, timer.subject));
        });
        log.info({ lateMs: Date.now() - timer.dueAt.getTime() }, 'timer fired');
      } catch (error) {
        if (error instanceof TimerMoved) {
          log.info('timer cancelled or moved while it fired; the firing is undone');
          return true;
        }
        // Rolled back to the savepoint: the timer stays due and is tried again on a later poll.
        await manager.query(`UPDATE ${this.tables.timer} SET due_at = now() + interval '1 second', attempts = attempts + 1 WHERE kind = $1 AND subject = $2 AND xmin::text = $3`, [
          timer.kind,
          timer.subject,
          row.version,
        ]);
        log.error({ err: error, attempts: row.attempts + 1 }, 'timer handler failed; it will be tried again');
      }
      return true;
    });
  }

  /**
   * Deletes the timer, fired, if it is still the version the poller read; false if it was
   * cancelled or moved. A fired timer leaves no row: the table holds the timers still to fire.
   */
  private async claim(manager: EntityManager, timer: DueTimer, version: string): Promise<boolean> {
    const [, claimed] = await manager.query(`DELETE FROM ${this.tables.timer} WHERE kind = $1 AND subject = $2 AND fired_at IS NULL AND xmin::text = $3`, [timer.kind, timer.subject, version]);
    return claimed === 1;
  }
}

/** The timer changed while its handler ran (a handler of its order cancelled or moved it). */
class TimerMoved extends Error {}

/** The firing handler's scheduler, which tells when the handler sets or cancels the very timer that fired. */
function noticingItself(timers: TimerScheduler, fired: DueTimer, noticed: () => void): TimerScheduler {
  const notice = (kind: string, subject?: string) => {
    if (kind === fired.kind && (subject ?? fired.subject) === fired.subject) noticed();
  };
  return {
    schedule(kind, dueAt, data, subject) {
      notice(kind, subject);
      return timers.schedule(kind, dueAt, data, subject);
    },
    cancel(kind, subject) {
      notice(kind, subject);
      return timers.cancel(kind, subject);
    },
  };
}

/** Events a timer causes keep the correlation id of the event that scheduled it. */
function correlationCause(correlationId: string | null, subject: string): CloudEvent | undefined {
  if (!correlationId) return undefined;
  return { id: correlationId, correlationid: correlationId, subject } as CloudEvent;
}
