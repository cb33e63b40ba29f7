// The gateway's tariff copy (for quotes) starts from the same seed as tax-permit's table; its tariff-changed
// events take over from there.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSeededTariffTable } from '@cbec/tariff-table';

export class CreateTariffCopy1764000000801 implements MigrationInterface {
  name = 'CreateTariffCopy1764000000801';

  async up(runner: QueryRunner): Promise<void> {
    await createSeededTariffTable(runner, { checked: false });
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tariff_entry');
  }
}
