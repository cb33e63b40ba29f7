import { MigrationInterface, QueryRunner } from 'typeorm';
import { deadLetterTableSql } from '@cbec/messaging';

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
    // The view of every group's dead letters: their columns, the payload as text.
    await runner.query(deadLetterTableSql('dead_letter_view', 'text'));
    await runner.query('CREATE INDEX dead_letter_view_newest ON dead_letter_view (dead_at DESC, id DESC)');
    await runner.query('CREATE INDEX dead_letter_view_group ON dead_letter_view (consumer_group, dead_at DESC, id DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE dead_letter_view');
    await runner.query('DROP TABLE command_answer');
  }
}
