import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAcceptedOrder1764000000710 implements MigrationInterface {
  name = 'CreateAcceptedOrder1764000000710';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE accepted_order (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      content_hash text NOT NULL,
      event_id text NOT NULL,
      accepted_at timestamptz NOT NULL,
      PRIMARY KEY (platform_id, order_id))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE accepted_order');
  }
}
