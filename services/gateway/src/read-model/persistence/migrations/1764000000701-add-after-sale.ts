// After-sale in the clearance view (CONTRACT 5, 7): the cancellation and the returns; the stuck-order
// index leaves out the new final statuses too.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAfterSaleToReadModel1764000000701 implements MigrationInterface {
  name = 'AddAfterSaleToReadModel1764000000701';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE clearance_view ADD COLUMN cancellation jsonb, ADD COLUMN returns jsonb');
    await runner.query('DROP INDEX clearance_view_open_updated');
    await runner.query("CREATE INDEX clearance_view_open_updated ON clearance_view (updated_at) WHERE status NOT IN ('COMPLETED', 'REJECTED', 'CANCELLED', 'RETURNED')");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX clearance_view_open_updated');
    await runner.query("CREATE INDEX clearance_view_open_updated ON clearance_view (updated_at) WHERE status NOT IN ('COMPLETED', 'REJECTED')");
    await runner.query('ALTER TABLE clearance_view DROP COLUMN cancellation, DROP COLUMN returns');
  }
}
