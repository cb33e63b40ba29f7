import { MigrationInterface, QueryRunner } from 'typeorm';
import { TARIFF_SEED } from '@cbec/domain';

export class CreateTariffCopy1764000000801 implements MigrationInterface {
  name = 'CreateTariffCopy1764000000801';

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
      reference_unit_price numeric)`);
    // The same seed tax-permit starts from; its tariff-changed events take over from here.
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
