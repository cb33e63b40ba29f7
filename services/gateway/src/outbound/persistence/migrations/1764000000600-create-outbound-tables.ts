import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboundTables1764000000600 implements MigrationInterface {
  name = 'CreateOutboundTables1764000000600';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE outbound_order (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      status text NOT NULL,
      clearance_model text,
      step int NOT NULL,
      sequence int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, order_id))`);
    await runner.query(`CREATE TABLE outbound_held_event (
      event_id text PRIMARY KEY,
      platform_id text NOT NULL,
      order_id text NOT NULL,
      step int NOT NULL,
      type text NOT NULL,
      event jsonb NOT NULL,
      held_at timestamptz NOT NULL DEFAULT now())`);
    await runner.query('CREATE INDEX outbound_held_event_order ON outbound_held_event (platform_id, order_id, step)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE outbound_held_event');
    await runner.query('DROP TABLE outbound_order');
  }
}
