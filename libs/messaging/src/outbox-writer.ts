// The write side of the transactional outbox: events become rows in the same PostgreSQL
// transaction as the state change that caused them; the relay (outbox-relay.ts) publishes them.
import type { EntityManager } from 'typeorm';
import type { Headers } from './cloud-event';
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
  // The locks in sorted order (unnest keeps the array's), so two writers never wait on each other;
  // taken (the `locked` aggregate is complete) before the insert draws any id; every row in one
  // statement, and the relay woken once when the transaction commits: one round trip in all.
  const locks = [...new Set(messages.map((m) => `outbox:${tables.schema}:${m.key ?? ''}`))].sort();
  await manager.query(
    `WITH locked AS (SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) AS n FROM unnest($6::text[]) AS k),
     written AS (
       INSERT INTO ${tables.outbox} (topic, key, value, headers)
       SELECT m.topic, m.key, m.value, m.headers FROM locked, unnest($1::text[], $2::text[], $3::bytea[], $4::jsonb[]) AS m(topic, key, value, headers) RETURNING 1)
     SELECT pg_notify($5, '') FROM (SELECT 1 FROM written LIMIT 1) AS any_written`,
    [messages.map((m) => m.topic), messages.map((m) => m.key), messages.map((m) => m.value), messages.map((m) => JSON.stringify(m.headers)), tables.notifyChannel, locks],
  );
}
