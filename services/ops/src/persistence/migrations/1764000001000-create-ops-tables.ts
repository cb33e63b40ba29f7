import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOpsTables1764000001000 implements MigrationInterface {
  name = 'CreateOpsTables1764000001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE command_answer (
      request_id text PRIMARY KEY,
      command_type text,
      sent_at timestamptz,
      outcome text CHECK (outcome IN ('APPLIED', 'REFUSED')),
      message text,
      details jsonb,
      answered_at timestamptz)`);
    await runner.query(`CREATE TABLE dead_letter_view (
      id uuid PRIMARY KEY,
      consumer_group text NOT NULL,
      topic text NOT NULL,
      partition int NOT NULL,
      "offset" text NOT NULL,
      key text,
      reason text NOT NULL,
      attempts int NOT NULL,
      dead_at timestamptz NOT NULL,
      payload text NOT NULL,
      replayed_at timestamptz,
      replay_count int NOT NULL DEFAULT 0)`);
    await runner.query('CREATE INDEX dead_letter_view_newest ON dead_letter_view (dead_at DESC, id DESC)');
    await runner.query('CREATE INDEX dead_letter_view_group ON dead_letter_view (consumer_group, dead_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dead_letter_view');
    await runner.query('DROP TABLE command_answer');
  }
}
