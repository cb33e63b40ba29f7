import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateReadModelTables1764000000700 implements MigrationInterface {
  name = 'CreateReadModelTables1764000000700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE clearance_view (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      clearance_model text,
      status text NOT NULL,
      reason_code text,
      declaration_number text,
      tax_assessment jsonb,
      permit_number text,
      pickup jsonb,
      delivery jsonb,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      PRIMARY KEY (platform_id, order_id))`);
    // The list: newest first (created_at desc, then the key), whole or filtered.
    await runner.query('CREATE INDEX clearance_view_newest ON clearance_view (created_at DESC, platform_id, order_id)');
    await runner.query('CREATE INDEX clearance_view_platform_newest ON clearance_view (platform_id, created_at DESC, order_id)');
    await runner.query('CREATE INDEX clearance_view_status_newest ON clearance_view (status, created_at DESC)');
    await runner.query('CREATE INDEX clearance_view_model_newest ON clearance_view (clearance_model, created_at DESC)');
    // Stuck orders: not terminal, not updated for a while.
    await runner.query("CREATE INDEX clearance_view_open_updated ON clearance_view (updated_at) WHERE status NOT IN ('COMPLETED', 'REJECTED')");
    await runner.query(`CREATE TABLE timeline_entry (
      event_id text PRIMARY KEY,
      platform_id text NOT NULL,
      order_id text NOT NULL,
      kind text NOT NULL,
      type text NOT NULL,
      status text,
      at timestamptz NOT NULL,
      service text NOT NULL,
      customs_code int,
      reason_code text,
      step int,
      causation_id text)`);
    await runner.query('CREATE INDEX timeline_entry_order ON timeline_entry (platform_id, order_id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE timeline_entry');
    await runner.query('DROP TABLE clearance_view');
  }
}
