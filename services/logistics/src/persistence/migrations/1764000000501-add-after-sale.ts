// After-sale (CONTRACT 7): what a shipment keeps to cancel released goods (the payment to refund)
// and to take goods back (the declared items, the assessment, when it completed), and the returns.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddAfterSale1764000000501 implements MigrationInterface {
  name = 'AddAfterSale1764000000501';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE shipment
      ADD COLUMN declaration jsonb,
      ADD COLUMN assessment_id text,
      ADD COLUMN tax_amount numeric,
      ADD COLUMN assessment jsonb,
      ADD COLUMN completed_at timestamptz,
      ADD COLUMN cancellation_hash text`);
    await runner.query(`CREATE TABLE shipment_return (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      return_id text NOT NULL,
      content_hash text NOT NULL,
      items jsonb NOT NULL,
      reason text NOT NULL,
      requested_at timestamptz NOT NULL,
      return_to jsonb NOT NULL,
      return_by timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('ACCEPTED', 'COMPLETED')),
      receipt_hash text,
      received_at timestamptz,
      refund jsonb,
      quota_given_back numeric,
      accepted_at timestamptz NOT NULL DEFAULT now(),
      completed_at timestamptz,
      PRIMARY KEY (platform_id, order_id, return_id),
      FOREIGN KEY (platform_id, order_id) REFERENCES shipment (platform_id, order_id))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE shipment_return');
    await runner.query('ALTER TABLE shipment DROP COLUMN declaration, DROP COLUMN assessment_id, DROP COLUMN tax_amount, DROP COLUMN assessment, DROP COLUMN completed_at, DROP COLUMN cancellation_hash');
  }
}
