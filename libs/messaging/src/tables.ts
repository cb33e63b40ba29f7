// The messaging tables every service has in its own schema: the outbox, the processed-event
// inbox of its idempotent consumers, its dead letters and its durable timers. Created by a
// TypeORM migration.
import { MigrationInterface, QueryRunner } from 'typeorm';

export interface MessagingTables {
  schema: string;
  outbox: string;
  processedEvent: string;
  deadLetter: string;
  timer: string;
  notifyChannel: string;
}

export function messagingTables(schema: string): MessagingTables {
  const q = `"${schema}"`;
  return {
    schema,
    outbox: `${q}.outbox`,
    processedEvent: `${q}.processed_event`,
    deadLetter: `${q}.dead_letter`,
    timer: `${q}.timer`,
    notifyChannel: `outbox_${schema}`,
  };
}

/** The migration classes a service lists first among its migrations. */
export function messagingMigrations(schema: string): (new () => MigrationInterface)[] {
  return [messagingMigration(schema), pruningIndexesMigration(schema), firedTimersMigration(schema)];
}

/** Timers are deleted when they fire; this deletes those kept, fired, before they were. */
function firedTimersMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  return class MessagingFiredTimersDeleted1764000000002 implements MigrationInterface {
    name = 'MessagingFiredTimersDeleted1764000000002';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`DELETE FROM ${t.timer} WHERE fired_at IS NOT NULL`);
    }

    async down(): Promise<void> {
      // Fired timers are gone for good; nothing to put back.
    }
  };
}

/** Indexes the relay's pruning walks, oldest first, so pruning costs the rows it deletes. */
function pruningIndexesMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  return class MessagingPruningIndexes1764000000001 implements MigrationInterface {
    name = 'MessagingPruningIndexes1764000000001';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE INDEX IF NOT EXISTS outbox_published ON ${t.outbox} (published_at) WHERE published_at IS NOT NULL`);
      await runner.query(`CREATE INDEX IF NOT EXISTS processed_event_processed_at ON ${t.processedEvent} (processed_at)`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP INDEX IF EXISTS "${schema}".processed_event_processed_at`);
      await runner.query(`DROP INDEX IF EXISTS "${schema}".outbox_published`);
    }
  };
}

/**
 * The statement that creates a dead-letter table: a group's own (`message`: the message as it
 * came, bytes and headers, to replay it) or the ops service's view of every group's (`text`: the
 * payload as ops read it).
 */
export function deadLetterTableSql(table: string, kept: 'message' | 'text'): string {
  const payload = kept === 'message' ? `dead_at timestamptz NOT NULL DEFAULT now(), payload bytea, headers jsonb NOT NULL DEFAULT '{}'` : 'dead_at timestamptz NOT NULL, payload text NOT NULL';
  return `CREATE TABLE ${table} (id uuid PRIMARY KEY, consumer_group text NOT NULL, topic text NOT NULL, partition int NOT NULL, "offset" text NOT NULL, key text, reason text NOT NULL,
    attempts int NOT NULL, ${payload}, replayed_at timestamptz, replay_count int NOT NULL DEFAULT 0)`;
}

/** The first of them: the tables themselves. */
export function messagingMigration(schema: string): new () => MigrationInterface {
  const t = messagingTables(schema);
  return class MessagingTables1764000000000 implements MigrationInterface {
    name = 'MessagingTables1764000000000';

    async up(runner: QueryRunner): Promise<void> {
      await runner.query(`CREATE TABLE ${t.outbox} (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        key text,
        value bytea NOT NULL,
        headers jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz)`);
      await runner.query(`CREATE INDEX outbox_unpublished ON ${t.outbox} (id) WHERE published_at IS NULL`);
      await runner.query(`CREATE TABLE ${t.processedEvent} (
        consumer_group text NOT NULL,
        event_id text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id))`);
      await runner.query(deadLetterTableSql(t.deadLetter, 'message'));
      await runner.query(`CREATE TABLE ${t.timer} (
        kind text NOT NULL,
        subject text NOT NULL,
        due_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        correlation_id text,
        attempts int NOT NULL DEFAULT 0,
        fired_at timestamptz,
        PRIMARY KEY (kind, subject))`);
      await runner.query(`CREATE INDEX timer_due ON ${t.timer} (due_at) WHERE fired_at IS NULL`);
    }

    async down(runner: QueryRunner): Promise<void> {
      await runner.query(`DROP TABLE ${t.timer}`);
      await runner.query(`DROP TABLE ${t.deadLetter}`);
      await runner.query(`DROP TABLE ${t.processedEvent}`);
      await runner.query(`DROP TABLE ${t.outbox}`);
    }
  };
}
