// Transactional outbox: events are rows written in the same PostgreSQL transaction as the state
// change; the relay publishes them to Kafka in id order, woken by LISTEN/NOTIFY, polling as a
// fallback. One relay per schema is active at a time (an advisory lock), so replicas can't
// reorder each other.
import type { Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import type { Headers } from './cloud-event';
import type { Logger } from './logger';
import { messagingMetrics } from './metrics';
import type { MessagingTables } from './tables';

export interface OutboxMessage {
  topic: string;
  key: string | null;
  value: Buffer;
  headers: Headers;
}

/**
 * Writes messages in the caller's transaction. Messages of one key are serialized by a
 * transaction-scoped advisory lock taken before their ids are drawn, so for one key id order is
 * commit order and the relay never publishes a later event of an order before an earlier one.
 */
export async function writeToOutbox(manager: EntityManager, tables: MessagingTables, messages: OutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  for (const key of [...new Set(messages.map((m) => m.key))].sort()) {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`outbox:${tables.schema}:${key ?? ''}`]);
  }
  const params: unknown[] = [];
  const rows = messages.map((m) => {
    params.push(m.topic, m.key, m.value, JSON.stringify(m.headers));
    const n = params.length;
    return `($${n - 3}, $${n - 2}, $${n - 1}, $${n}::jsonb)`;
  });
  await manager.query(`INSERT INTO ${tables.outbox} (topic, key, value, headers) VALUES ${rows.join(', ')}`, params);
  await manager.query('SELECT pg_notify($1, $2)', [tables.notifyChannel, '']);
}

export interface RelayOptions {
  pollIntervalMs: number;
  batchSize: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  key: string | null;
  value: Buffer;
  headers: Headers;
}

export class OutboxRelay {
  private client?: PoolClient;
  private holdsLock = false;
  private running = false;
  private wake?: () => void;
  private notified = false;
  private loopDone?: Promise<void>;
  private lastCleanup = 0;

  constructor(
    private readonly pool: Pool,
    private readonly producer: Producer,
    private readonly tables: MessagingTables,
    private readonly log: Logger,
    private readonly options: RelayOptions = { pollIntervalMs: 500, batchSize: 500, retentionMs: 3_600_000 },
  ) {}

  start(): void {
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops after publishing what is committed by now. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loopDone;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      try {
        await this.connect();
        if (this.holdsLock) {
          this.notified = false;
          await this.drain();
        }
      } catch (error) {
        this.log.error({ err: error }, 'outbox relay failed; retrying');
        this.disconnect();
      }
      await this.sleep();
    }
    try {
      if (this.holdsLock) await this.drain();
    } catch (error) {
      this.log.error({ err: error }, 'outbox relay could not flush at shutdown; the rows stay for the next start');
    }
    this.disconnect();
  }

  private async connect(): Promise<void> {
    if (!this.client) {
      this.client = await this.pool.connect();
      this.client.on('notification', () => {
        this.notified = true;
        this.wake?.();
      });
      this.client.on('error', (error) => this.log.warn({ err: error }, 'outbox relay connection lost'));
      await this.client.query(`LISTEN "${this.tables.notifyChannel}"`);
    }
    if (!this.holdsLock) {
      const { rows } = await this.client.query('SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked', [`outbox-relay:${this.tables.schema}`]);
      this.holdsLock = rows[0].locked;
      if (this.holdsLock) this.log.info({ schema: this.tables.schema }, 'outbox relay active');
    }
  }

  private disconnect(): void {
    // Releasing with an error destroys the connection, which also frees the session's advisory lock.
    this.client?.release(true);
    this.client = undefined;
    this.holdsLock = false;
  }

  private sleep(): Promise<void> {
    if (!this.running || this.notified) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, this.options.pollIntervalMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** Publishes every unpublished row, oldest first, batch by batch. */
  async drain(): Promise<void> {
    const client = this.client!;
    for (;;) {
      const { rows } = await client.query<OutboxRow>(
        `SELECT id, topic, key, value, headers FROM ${this.tables.outbox} WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [this.options.batchSize],
      );
      messagingMetrics().outboxBacklog.set({ schema: this.tables.schema }, rows.length);
      if (rows.length === 0) break;
      await this.send(rows);
      await this.markPublished(rows.map((row) => row.id));
      if (rows.length < this.options.batchSize) break;
    }
    await this.cleanup();
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, { key: string | null; value: Buffer; headers: Headers }[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.key, value: row.value, headers: row.headers });
      byTopic.set(row.topic, messages);
    }
    await this.producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    for (const [topic, messages] of byTopic) messagingMetrics().produced.inc({ topic }, messages.length);
  }

  /** Separate from send so a test can kill the relay between the two, as a crash would. */
  protected async markPublished(ids: string[]): Promise<void> {
    await this.client!.query(`UPDATE ${this.tables.outbox} SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }

  private async cleanup(): Promise<void> {
    if (Date.now() - this.lastCleanup < 60_000) return;
    this.lastCleanup = Date.now();
    await this.client!.query(`DELETE FROM ${this.tables.outbox} WHERE published_at < now() - ($1 || ' milliseconds')::interval`, [String(this.options.retentionMs)]);
  }
}
