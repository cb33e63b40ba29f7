// Customs' receipts in the read model (CONTRACT 8.4, 8.5): what each receipt said, on its timeline
// entry, and the view's customs part made from them.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCustomsReceiptsToReadModel1764000000910 implements MigrationInterface {
  name = 'AddCustomsReceiptsToReadModel1764000000910';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE clearance_view ADD COLUMN customs jsonb');
    await runner.query('ALTER TABLE timeline_entry ADD COLUMN receipt jsonb');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE timeline_entry DROP COLUMN receipt');
    await runner.query('ALTER TABLE clearance_view DROP COLUMN customs');
  }
}
