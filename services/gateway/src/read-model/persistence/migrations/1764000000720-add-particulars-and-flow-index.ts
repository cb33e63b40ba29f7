// The console's order page (particulars, masked) and its flow aggregates: per-minute completions,
// rejections and refusals read timeline entries by kind, status and time.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddParticularsAndFlowIndex1764000000720 implements MigrationInterface {
  name = 'AddParticularsAndFlowIndex1764000000720';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE clearance_view ADD COLUMN particulars jsonb');
    await runner.query('CREATE INDEX timeline_entry_kind_status_at ON timeline_entry (kind, status, at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX timeline_entry_kind_status_at');
    await runner.query('ALTER TABLE clearance_view DROP COLUMN particulars');
  }
}
