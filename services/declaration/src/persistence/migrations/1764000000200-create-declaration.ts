import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeclaration1764000000200 implements MigrationInterface {
  name = 'CreateDeclaration1764000000200';

  async up(runner: QueryRunner): Promise<void> {
    // Twelve digits in the declaration number: the sequence stops rather than wraps around.
    await runner.query('CREATE SEQUENCE declaration_number_seq AS bigint MINVALUE 1 MAXVALUE 999999999999 NO CYCLE');
    await runner.query(`CREATE TABLE declaration (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      clearance_model text NOT NULL,
      declaration_number text NOT NULL UNIQUE,
      status text NOT NULL CHECK (status IN ('AWAITING_DOCUMENTS', 'SUBMITTED')),
      step int NOT NULL,
      "order" jsonb NOT NULL,
      documents jsonb NOT NULL DEFAULT '[]',
      waybill_number text,
      declared_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, order_id))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE declaration');
    await runner.query('DROP SEQUENCE declaration_number_seq');
  }
}
