// The relay of the transactional outbox: publishes the rows outbox-writer.ts wrote to Kafka in
// id order, woken by LISTEN/NOTIFY, polling as a fallback. One relay per schema is active at a
// time (an advisory lock), so replicas can't reorder each other.
import type { Producer } from 'kafkajs';
import type { Pool, PoolClient } from 'pg';
import { backoffMs } from './backoff';
import type { Headers } from './cloud-event';
import type { Logger } from './logger';
import { messagingMetrics } from './metrics';
import { BATCH_OVERHEAD_BYTES, type ProduceLimits, recordBytes, refusedForSize } from './produce-limits';
import type { MessagingTables } from './tables';
import { sendWhole, type TopicPartitions } from './whole-send';

export interface RelayOptions {
  pollIntervalMs: number;
  batchSize: number;
  /** Published rows are kept this long for inspection, then deleted. */
  retentionMs: number;
  /** Inbox rows (processed event ids) are kept this long: a redelivery older than that is not recognised. */
  dedupWindowMs: number;
  /** Rows deleted per statement when pruning, so pruning never holds the hot tables for long. */
  pruneBatchSize: number;
}

export const DEFAULT_RELAY: RelayOptions = { pollIntervalMs: 500, batchSize: 2_000, retentionMs: 3_600_000, dedupWindowMs: 7 * 86_400_000, pruneBatchSize: 5_000 };

export interface OutboxRow {
  id: string;
  topic: string;
  key: string | null;
  value: Buffer;
  headers: Headers;
}

/** What the relay needs besides the producer: the cluster's size limits, and where a row no send can carry goes. */
export interface RelayBroker {
  limits: ProduceLimits;
  /** Each topic's partition count: every row is sent on its key's partition, and checked written. */
  partitions: TopicPartitions;
  /** Takes the row out of the outbox for good, kept where ops see it, in one transaction. */
  setAside(row: OutboxRow, reason: string): Promise<void>;
  /**
   * A new idempotent producer in place of one whose sequence numbers no longer match the
   * broker's (a refused request may have been written on some of its partitions).
   */
  renewProducer(): Promise<Producer>;
}

/** Errors after which the idempotent producer's state is out of step with the broker's for good. */
const PRODUCER_STATE_ERRORS = new Set(['OUT_OF_ORDER_SEQUENCE_NUMBER', 'INVALID_PRODUCER_EPOCH', 'UNKNOWN_PRODUCER_ID', 'INVALID_PRODUCER_ID_MAPPING']);

export class OutboxRelay {
  private client?: PoolClient;
  private holdsLock = false;
  private running = false;
  private wake?: () => void;
  private notified = false;
  private loopDone?: Promise<void>;

  constructor(
    private readonly pool: Pool,
    private producer: Producer,
    private readonly tables: MessagingTables,
    private readonly log: Logger,
    options: Partial<RelayOptions>,
    private readonly broker: RelayBroker,
  ) {
    this.options = { ...DEFAULT_RELAY, ...options };
  }

  private readonly options: RelayOptions;

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
    let failures = 0;
    while (this.running) {
      this.notified = false;
      try {
        await this.connect();
        if (this.holdsLock) await this.drain();
        failures = 0;
      } catch (error) {
        failures++;
        const waitMs = backoffMs(failures);
        this.log.error({ err: error, failures, retryInMs: waitMs }, 'outbox relay failed; retrying');
        this.disconnect();
        // Retried unchanged, a send the producer's own state makes the broker refuse would fail for ever.
        if (PRODUCER_STATE_ERRORS.has((error as { type?: string }).type ?? '')) await this.renewProducer();
        await new Promise((resolve) => setTimeout(resolve, waitMs));
        continue;
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
      await this.publish(rows);
      if (rows.length < this.options.batchSize) break;
    }
  }

  /**
   * Sends rows in id order, in requests cut below what their topics accept; a row no request
   * could carry is set aside (a dead letter ops see), never retried for ever, never blocking the
   * rows behind it.
   */
  private async publish(rows: OutboxRow[]): Promise<void> {
    const limits = await this.broker.limits.of(rows.map((row) => row.topic));
    let request: OutboxRow[] = [];
    let requestBytes = BATCH_OVERHEAD_BYTES;
    let requestLimit = Infinity;
    for (const row of rows) {
      const bytes = recordBytes(row);
      const limit = limits.get(row.topic)!;
      if (bytes + BATCH_OVERHEAD_BYTES > limit) {
        await this.setAside(row, `${bytes} bytes, over the ${limit} bytes topic ${row.topic} accepts (max.message.bytes)`);
        continue;
      }
      if (request.length > 0 && requestBytes + bytes > Math.min(requestLimit, limit)) {
        await this.sendAndMark(request);
        request = [];
        requestBytes = BATCH_OVERHEAD_BYTES;
        requestLimit = Infinity;
      }
      request.push(row);
      requestBytes += bytes;
      requestLimit = Math.min(requestLimit, limit);
    }
    if (request.length > 0) await this.sendAndMark(request);
  }

  /**
   * One produce request, then its rows marked. Should the broker still refuse the size (a limit
   * lowered since it was read), the request is halved until it passes or one row is left, which
   * is then set aside with the broker's reason.
   */
  private async sendAndMark(rows: OutboxRow[]): Promise<void> {
    try {
      await this.send(rows);
    } catch (error) {
      if (!refusedForSize(error)) throw error;
      this.broker.limits.forget();
      await this.renewProducer();
      if (rows.length === 1) return this.setAside(rows[0], `refused by the broker: ${(error as Error).message}`);
      this.log.warn({ rows: rows.length, bytes: rows.reduce((sum, row) => sum + recordBytes(row), 0) }, 'broker refused the size of a send; sending it in halves');
      const half = Math.ceil(rows.length / 2);
      await this.sendAndMark(rows.slice(0, half));
      await this.sendAndMark(rows.slice(half));
      return;
    }
    await this.markPublished(rows.map((row) => row.id));
  }

  private async send(rows: OutboxRow[]): Promise<void> {
    const byTopic = new Map<string, { key: string | null; value: Buffer; headers: Headers }[]>();
    for (const row of rows) {
      const messages = byTopic.get(row.topic) ?? [];
      messages.push({ key: row.key, value: row.value, headers: row.headers });
      byTopic.set(row.topic, messages);
    }
    const partitions = await this.broker.partitions.of(byTopic.keys());
    await sendWhole(this.producer, [...byTopic].map(([topic, messages]) => ({ topic, messages })), partitions, this.log);
    for (const [topic, messages] of byTopic) messagingMetrics().produced.inc({ topic }, messages.length);
  }

  private async renewProducer(): Promise<void> {
    this.log.warn('renewing the producer (its sequence numbers are out of step with the broker)');
    this.producer = await this.broker.renewProducer();
  }

  private async setAside(row: OutboxRow, why: string): Promise<void> {
    const reason = `not published: ${why}`;
    this.log.error({ outboxId: row.id, topic: row.topic, key: row.key, reason }, 'outbox row can never be published; set aside as a dead letter');
    await this.broker.setAside(row, reason);
    messagingMetrics().setAside.inc({ topic: row.topic });
  }

  /** Separate from send so a test can kill the relay between the two, as a crash would. */
  protected async markPublished(ids: string[]): Promise<void> {
    await this.client!.query(`UPDATE ${this.tables.outbox} SET published_at = now() WHERE id = ANY($1::bigint[])`, [ids]);
  }
}
