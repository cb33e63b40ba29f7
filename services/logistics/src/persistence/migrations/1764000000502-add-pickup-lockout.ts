// Pickup codes cannot be found by trying: a shipment counts its wrong codes and, after too many,
// refuses every code until a time.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class AddPickupLockout1764000000502 implements MigrationInterface {
  name = 'AddPickupLockout1764000000502';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE shipment ADD COLUMN pickup_wrong_codes int NOT NULL DEFAULT 0, ADD COLUMN pickup_locked_until timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE shipment DROP COLUMN pickup_wrong_codes, DROP COLUMN pickup_locked_until');
  }
}
