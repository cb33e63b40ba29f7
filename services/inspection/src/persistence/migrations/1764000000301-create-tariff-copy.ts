// The tariff copy starts from the same seed as tax-permit's table (CONTRACT 4.1).
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSeededTariffTable } from '@cbec/tariff-table';

export class CreateTariffCopy1764000000301 implements MigrationInterface {
  name = 'CreateTariffCopy1764000000301';

  async up(runner: QueryRunner): Promise<void> {
    await createSeededTariffTable(runner, { checked: false });
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tariff_entry');
  }
}
