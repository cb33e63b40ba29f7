// After-sale (CONTRACT 7): an assessment cancelled here remembers what it accepted; the annual
// ledger counts its versions (the gateway's copy keeps the newest) and what returns gave back.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAfterSale1764000000401 implements MigrationInterface {
  name = 'AddAfterSale1764000000401';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE tax_order ADD COLUMN cancellation_hash text');
    await runner.query('ALTER TABLE annual_ledger ADD COLUMN version int NOT NULL DEFAULT 0');
    await runner.query('ALTER TABLE ledger_entry ADD COLUMN given_back numeric NOT NULL DEFAULT 0 CHECK (given_back >= 0 AND given_back <= amount)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE ledger_entry DROP COLUMN given_back');
    await runner.query('ALTER TABLE annual_ledger DROP COLUMN version');
    await runner.query('ALTER TABLE tax_order DROP COLUMN cancellation_hash');
  }
}
