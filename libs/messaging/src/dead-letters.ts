// Dead letters: a message a consumer group cannot read, or that failed every retry, is kept in
// the group's table and sent (through the outbox) to its dead-letter topic with the reason in
// headers; it can be listed and replayed onto its original topic. What PostgreSQL cannot hold
// (a NUL, an unpaired surrogate) in its key, reason or headers is kept escaped (postgres-text.ts),
// the value as bytes; a letter whose message has no key is listed with the key of its order.
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { DeadLetterData, deadLetterSubject, deadLetterTopic, OPS_EVENTS, orderKey, serviceEventsTopic } from '@cbec/contracts';
import { decodeEvent, type Headers } from './cloud-event';
import { messagingMetrics } from './metrics';
import { maskText } from '@cbec/privacy';
import { writeToOutbox } from './outbox-writer';
import { storableJson, storableNullableText, storableText } from './postgres-text';
import type { Outbox } from './publisher';
import type { MessagingTables } from './tables';

export const PAYLOAD_TEXT_LIMIT = 64 * 1024;

export interface FailedMessage {
  consumerGroup: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Headers;
  reason: string;
  attempts: number;
}

/** A dead letter as the group's table keeps it: the contract's item, and whether it was replayed. */
export interface DeadLetter extends DeadLetterData {
  replayedAt: string | null;
  replayCount: number;
}

/** A dead letter's row as read, from the group's table (its payload made text) or from the ops service's view of every group's. */
export interface DeadLetterRecord extends Omit<DeadLetterData, 'deadAt'> {
  deadAt: Date;
  replayedAt: Date | null;
  replayCount: number;
}

/** A dead letter as ops list it. */
export function deadLetterOf(record: DeadLetterRecord): DeadLetter {
  const { id, consumerGroup, topic, partition, offset, key, reason, attempts, deadAt, payload, replayedAt, replayCount } = record;
  return { id, consumerGroup, topic, partition, offset, key, reason, attempts, deadAt: new Date(deadAt).toISOString(), payload, replayedAt: replayedAt ? new Date(replayedAt).toISOString() : null, replayCount };
}

/** The columns of the group's table a DeadLetterRecord is read from (the payload as bytes). */
const DEAD_LETTER_COLUMNS = `id, consumer_group AS "consumerGroup", topic, partition, "offset", key, reason, attempts, dead_at AS "deadAt", payload, replayed_at AS "replayedAt", replay_count AS "replayCount"`;

export class DeadLetterStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: MessagingTables,
    private readonly outbox: Outbox,
    /** Dead letters are announced on this service's own events topic, for the ops views. */
    private readonly service: string,
  ) {}

  /** Keeps, publishes and announces the letter, in the caller's transaction if one is given. */
  async record(failed: FailedMessage, within?: EntityManager): Promise<string> {
    const id = await (within ? this.write(within, failed, true) : this.dataSource.transaction((manager) => this.write(manager, failed, true)));
    messagingMetrics().deadLettered.inc({ group: failed.consumerGroup, topic: failed.topic });
    return id;
  }

  /**
   * An outbox row no produce request can carry (larger than its topic accepts), taken out of the
   * outbox and kept as a dead letter of the service's group, in one transaction: listed and
   * announced to ops like any other (its key names the order), replayable once the topic takes
   * it. Partition -1: it never reached one; its offset is its outbox id. Not copied to the
   * dead-letter topic, which would refuse it for the same reason.
   */
  async setAside(row: { id: string; topic: string; key: string | null; value: Buffer; headers: Headers }, reason: string, consumerGroup: string): Promise<string> {
    return this.dataSource.transaction(async (manager) => {
      const id = await this.write(manager, { consumerGroup, topic: row.topic, partition: -1, offset: `outbox-${row.id}`, key: row.key, value: row.value, headers: row.headers, reason, attempts: 0 }, false);
      await manager.query(`DELETE FROM ${this.tables.outbox} WHERE id = $1`, [row.id]);
      return id;
    });
  }

  private async write(manager: EntityManager, failed: FailedMessage, copyToDeadLetterTopic: boolean): Promise<string> {
    const message = { ...failed, key: storableNullableText(failed.key), reason: storableText(failed.reason), headers: storableJson(failed.headers) };
    const id = randomUUID();
    const deadAt = new Date().toISOString();
    await manager.query(
      `INSERT INTO ${this.tables.deadLetter} (id, consumer_group, topic, partition, "offset", key, reason, attempts, dead_at, payload, headers)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
      [id, message.consumerGroup, message.topic, message.partition, message.offset, message.key, message.reason, message.attempts, deadAt, message.value, JSON.stringify(message.headers)],
    );
    if (copyToDeadLetterTopic) {
      await writeToOutbox(manager, this.tables, [
        {
          topic: deadLetterTopic(message.consumerGroup),
          key: message.key,
          value: message.value ?? Buffer.alloc(0),
          headers: {
            ...message.headers,
            'dlq-id': id,
            'dlq-reason': message.reason,
            'dlq-consumer-group': message.consumerGroup,
            'dlq-original-topic': message.topic,
            'dlq-original-partition': String(message.partition),
            'dlq-original-offset': message.offset,
            'dlq-attempts': String(message.attempts),
            'dlq-dead-at': deadAt,
          },
        },
      ]);
    }
    const key = message.key ?? orderKeyOf(message.value, message.headers);
    const announced: DeadLetterData = { id, consumerGroup: message.consumerGroup, topic: message.topic, partition: message.partition, offset: message.offset, key, reason: maskText(message.reason), attempts: message.attempts, deadAt, payload: maskText(payloadText(message.value)) };
    // Ops see the payload and the reason (a database error may quote a value) with ID numbers and
    // phones masked; the original stays here for replay.
    await this.outbox.publish(manager, [{ topic: serviceEventsTopic(this.service), type: OPS_EVENTS.messageDeadLettered, subject: deadLetterSubject(id), data: announced }]);
    return id;
  }

  /**
   * A letter of an event its group took in and later gave up on (the gateway's held-back events
   * past their horizon): the event's inbox row goes with it, so that a replay is handled rather
   * than skipped as a duplicate.
   */
  async recordGivenUp(failed: FailedMessage, eventId: string, manager: EntityManager): Promise<string> {
    await manager.query(`DELETE FROM ${this.tables.processedEvent} WHERE consumer_group = $1 AND event_id = $2`, [failed.consumerGroup, eventId]);
    return this.record(failed, manager);
  }

  async list(limit = 100, offset = 0): Promise<DeadLetter[]> {
    const rows = await this.dataSource.query(`SELECT ${DEAD_LETTER_COLUMNS} FROM ${this.tables.deadLetter} ORDER BY dead_at DESC, id LIMIT $1 OFFSET $2`, [limit, offset]);
    return rows.map(toDeadLetter);
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query(`SELECT count(*)::int AS count FROM ${this.tables.deadLetter} WHERE replayed_at IS NULL`);
    return count;
  }

  /** Puts the original message back on its topic (through the outbox); undefined if unknown. */
  async replay(id: string, within?: EntityManager): Promise<DeadLetter | undefined> {
    if (!within) return this.dataSource.transaction((manager) => this.replay(id, manager));
    const manager = within;
    {
      // TypeORM answers an UPDATE ... RETURNING with [rows, affected].
      const [[row]] = await manager.query(
        `UPDATE ${this.tables.deadLetter} SET replayed_at = now(), replay_count = replay_count + 1 WHERE id = $1 RETURNING ${DEAD_LETTER_COLUMNS}, headers`,
        [id],
      );
      if (!row) return undefined;
      await writeToOutbox(manager, this.tables, [{ topic: row.topic, key: row.key, value: row.payload ?? Buffer.alloc(0), headers: row.headers }]);
      return toDeadLetter(row);
    }
  }
}

/** The value as text for ops: invalid UTF-8 as U+FFFD, NUL as `\u0000`, cut at 64 KiB. */
function payloadText(value: Buffer | null): string {
  const text = value ? value.toString('utf8') : '';
  return storableText(text.length > PAYLOAD_TEXT_LIMIT ? text.slice(0, PAYLOAD_TEXT_LIMIT) : text);
}

/** `<platformId>/<orderId>` of a message that is a CloudEvent about an order, else null. */
function orderKeyOf(value: Buffer | null, headers: Headers): string | null {
  const decoded = decodeEvent(value, headers);
  if (!decoded.ok) return null;
  const { data, subject } = decoded.event as { data: Record<string, unknown>; subject?: unknown };
  if (typeof data.platformId === 'string' && typeof data.orderId === 'string' && data.platformId && data.orderId) return storableText(orderKey(data.platformId, data.orderId));
  return typeof subject === 'string' && subject.includes('/') ? storableText(subject) : null;
}

function toDeadLetter(row: Omit<DeadLetterRecord, 'payload'> & { payload: Buffer | null }): DeadLetter {
  return deadLetterOf({ ...row, payload: payloadText(row.payload) });
}
