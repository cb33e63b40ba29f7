// A review cancelled by the platform remembers what it accepted, so a re-send is ignored.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddCancellation1764000000302 implements MigrationInterface {
  name = 'AddCancellation1764000000302';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE inspection ADD COLUMN cancellation_hash text');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE inspection DROP COLUMN cancellation_hash');
  }
}
