import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInspection1764000000300 implements MigrationInterface {
  name = 'CreateInspection1764000000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE inspection (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      clearance_model text NOT NULL,
      status text NOT NULL,
      reason_code text,
      plan jsonb NOT NULL,
      proof_question text,
      proof_hash text,
      declaration jsonb NOT NULL,
      step int NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, order_id))`);
    await runner.query('CREATE INDEX inspection_status ON inspection (status)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inspection');
  }
}
