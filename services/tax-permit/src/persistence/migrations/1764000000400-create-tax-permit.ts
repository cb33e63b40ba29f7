// The tariff table (seeded with TARIFF_SEED on a fresh database), the orders this service
// assesses, the consumers' annual ledger and the permit number sequence.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { createSeededTariffTable } from '@cbec/tariff-table';

export class CreateTaxPermit1764000000400 implements MigrationInterface {
  name = 'CreateTaxPermit1764000000400';

  async up(runner: QueryRunner): Promise<void> {
    await createSeededTariffTable(runner, { checked: true });
    await runner.query(`CREATE TABLE tax_order (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      clearance_model text NOT NULL,
      status text NOT NULL,
      reason_code text,
      step int NOT NULL,
      declaration jsonb NOT NULL,
      assessment_id text UNIQUE,
      assessment jsonb,
      total numeric,
      due_by timestamptz,
      payment_hash text,
      payment_reference text,
      permit_number text UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, order_id))`);
    await runner.query(`CREATE TABLE annual_ledger (
      consumer_id_number text NOT NULL,
      quota_year int NOT NULL,
      total numeric NOT NULL DEFAULT 0.00 CHECK (total >= 0),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_id_number, quota_year))`);
    await runner.query(`CREATE TABLE ledger_entry (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      consumer_id_number text NOT NULL,
      quota_year int NOT NULL,
      amount numeric NOT NULL CHECK (amount >= 0),
      counted_at timestamptz NOT NULL DEFAULT now(),
      given_back_at timestamptz,
      PRIMARY KEY (platform_id, order_id),
      FOREIGN KEY (consumer_id_number, quota_year) REFERENCES annual_ledger (consumer_id_number, quota_year))`);
    await runner.query('CREATE SEQUENCE permit_number_seq');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SEQUENCE permit_number_seq');
    await runner.query('DROP TABLE ledger_entry');
    await runner.query('DROP TABLE annual_ledger');
    await runner.query('DROP TABLE tax_order');
    await runner.query('DROP TABLE tariff_entry');
  }
}
