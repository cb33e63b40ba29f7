// Keeps the outbox and the inbox as large as a window's traffic however long the service runs:
// deletes published outbox rows past their retention and inbox rows past the dedup window, and
// vacuums both where the server runs no autovacuum. On a connection and a loop of its own, so a
// long prune never holds up the relay's publishing.
import type { Pool, PoolClient } from 'pg';
import type { Logger } from './logger';
import { backoffMs } from './backoff';
import { DEFAULT_RELAY, RelayOptions } from './outbox-relay';
import type { MessagingTables } from './tables';

/** The relay's settings say how long rows are kept; housekeeping adds how often it looks. */
export interface HousekeepingOptions extends Pick<RelayOptions, 'retentionMs' | 'dedupWindowMs' | 'pruneBatchSize'> {
  intervalMs: number;
}

export const DEFAULT_HOUSEKEEPING: HousekeepingOptions = {
  retentionMs: DEFAULT_RELAY.retentionMs,
  dedupWindowMs: DEFAULT_RELAY.dedupWindowMs,
  pruneBatchSize: DEFAULT_RELAY.pruneBatchSize,
  intervalMs: 60_000,
};

export class Housekeeping {
  private readonly options: HousekeepingOptions;
  private stopping = false;
  private loopDone?: Promise<void>;
  private wake?: () => void;
  /** Whether the server runs autovacuum; asked once. */
  private serverVacuums?: boolean;

  constructor(
    private readonly pool: Pool,
    private readonly tables: MessagingTables,
    private readonly log: Logger,
    options: Partial<HousekeepingOptions> = {},
  ) {
    this.options = { ...DEFAULT_HOUSEKEEPING, ...options };
  }

  /** Tidies at once, then every interval. */
  start(): void {
    this.stopping = false;
    this.loopDone = this.loop();
  }

  /** Stops after the statement in hand. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let waitMs = this.options.intervalMs;
      try {
        await this.tidy();
        failures = 0;
      } catch (error) {
        failures++;
        waitMs = Math.min(this.options.intervalMs, backoffMs(failures, 1_000, 60_000));
        this.log.error({ err: error, failures, retryInMs: waitMs }, 'pruning the outbox and inbox failed; retrying');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /**
   * One pass, a bounded batch per statement so no statement holds the hot tables for long. One
   * replica tidies a schema at a time (a session advisory lock); the others skip the pass.
   */
  async tidy(): Promise<void> {
    const lock = `housekeeping:${this.tables.schema}`;
    const client = await this.pool.connect();
    // A checked-out client whose connection is cut (the server restarting, a DBA terminating it)
    // emits 'error'; with no listener that would end the process. The pass fails and is retried.
    const lost = (error: Error) => this.log.warn({ err: error }, 'housekeeping connection lost');
    client.on('error', lost);
    try {
      const { rows } = await client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [lock]);
      if (rows[0].locked) {
        await this.pruneAndVacuum(client);
        await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [lock]);
      }
      client.off('error', lost);
      client.release();
    } catch (error) {
      // A connection that failed mid-pass is closed, which also frees the advisory lock.
      client.off('error', lost);
      client.release(true);
      throw error;
    }
  }

  private async pruneAndVacuum(client: PoolClient): Promise<void> {
    const { outbox, processedEvent } = this.tables;
    const pruned = {
      outbox: await this.prune(client, `DELETE FROM ${outbox} WHERE id IN (SELECT id FROM ${outbox} WHERE published_at < now() - make_interval(secs => $1 / 1000.0) LIMIT $2)`, this.options.retentionMs),
      inbox: await this.prune(
        client,
        `DELETE FROM ${processedEvent} WHERE (consumer_group, event_id) IN (SELECT consumer_group, event_id FROM ${processedEvent} WHERE processed_at < now() - make_interval(secs => $1 / 1000.0) LIMIT $2)`,
        this.options.dedupWindowMs,
      ),
    };
    if (pruned.outbox + pruned.inbox > 0) this.log.info({ schema: this.tables.schema, ...pruned }, 'pruned published outbox rows and expired inbox rows');
    // Where the server runs no autovacuum, the two tables the service churns are vacuumed here, so
    // their dead rows (every published row is updated once, then deleted) do not pile up.
    this.serverVacuums ??= (await client.query("SELECT current_setting('autovacuum') AS autovacuum")).rows[0].autovacuum === 'on';
    if (!this.serverVacuums) await client.query(`VACUUM (ANALYZE) ${outbox}, ${processedEvent}`);
  }

  private async prune(client: PoolClient, statement: string, olderThanMs: number): Promise<number> {
    let total = 0;
    for (;;) {
      const { rowCount } = await client.query(statement, [olderThanMs, this.options.pruneBatchSize]);
      total += rowCount ?? 0;
      if ((rowCount ?? 0) < this.options.pruneBatchSize || this.stopping) return total;
    }
  }
}
