// The ops service's tariff copy (GET /v1/tariffs, and the entry a PUT answers with) starts from
// the same seed as tax-permit's table; its tariff-changed events take over from there.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSeededTariffTable } from '@cbec/tariff-table';

export class CreateTariffCopy1764000001001 implements MigrationInterface {
  name = 'CreateTariffCopy1764000001001';

  async up(runner: QueryRunner): Promise<void> {
    await createSeededTariffTable(runner, { checked: false });
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tariff_entry');
  }
}
