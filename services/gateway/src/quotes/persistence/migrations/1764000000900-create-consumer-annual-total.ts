import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsumerAnnualTotal1764000000900 implements MigrationInterface {
  name = 'CreateConsumerAnnualTotal1764000000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE consumer_annual_total (
      consumer_key text NOT NULL,
      quota_year int NOT NULL,
      total numeric NOT NULL,
      version int NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer_key, quota_year))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE consumer_annual_total');
  }
}
