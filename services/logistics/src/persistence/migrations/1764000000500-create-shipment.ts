import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateShipment1764000000500 implements MigrationInterface {
  name = 'CreateShipment1764000000500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE shipment (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      status text NOT NULL,
      step int NOT NULL,
      clearance_model text NOT NULL,
      carrier text,
      waybill_number text,
      documents jsonb NOT NULL DEFAULT '[]',
      location jsonb,
      available_from timestamptz,
      available_until timestamptz,
      pickup_code text,
      declaration_number text,
      permit_number text,
      receipt_hash text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, order_id))`);
    // Waybill serials: 12 digits after the carrier's code, so the sequence stops before 13.
    await runner.query('CREATE SEQUENCE waybill_serial MINVALUE 1 MAXVALUE 999999999999 NO CYCLE');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP SEQUENCE waybill_serial');
    await runner.query('DROP TABLE shipment');
  }
}
