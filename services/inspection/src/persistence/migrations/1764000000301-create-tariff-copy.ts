// The tariff copy starts from the same seed as tax-permit's table (CONTRACT 4.1).
import { MigrationInterface, QueryRunner } from 'typeorm';
import { TARIFF_SEED } from '@cbec/domain';

export class CreateTariffCopy1764000000301 implements MigrationInterface {
  name = 'CreateTariffCopy1764000000301';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE tariff_entry (
      hs_prefix text PRIMARY KEY,
      description text NOT NULL,
      duty_rate numeric NOT NULL,
      vat_rate numeric NOT NULL,
      consumption_tax_rate numeric NOT NULL,
      cbec_eligible boolean NOT NULL,
      quarantine boolean NOT NULL,
      prohibited boolean NOT NULL,
      reference_unit_price numeric,
      updated_at timestamptz NOT NULL DEFAULT now())`);
    for (const entry of TARIFF_SEED) {
      await runner.query(
        `INSERT INTO tariff_entry (hs_prefix, description, duty_rate, vat_rate, consumption_tax_rate, cbec_eligible, quarantine, prohibited, reference_unit_price)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [entry.hsPrefix, entry.description, entry.dutyRate, entry.vatRate, entry.consumptionTaxRate, entry.cbecEligible, entry.quarantine, entry.prohibited, entry.referenceUnitPrice ?? null],
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE tariff_entry');
  }
}
