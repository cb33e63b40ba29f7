import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIntakeOrder1764000000100 implements MigrationInterface {
  name = 'CreateIntakeOrder1764000000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE intake_order (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      outcome text NOT NULL,
      clearance_model text,
      reason_code text,
      details jsonb NOT NULL DEFAULT '[]',
      content_hash text NOT NULL,
      data jsonb NOT NULL,
      step int NOT NULL,
      event_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, order_id))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE intake_order');
  }
}
