import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSingleWindow1764000003000 implements MigrationInterface {
  name = 'CreateSingleWindow1764000003000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE customs_order (
      platform_id text NOT NULL,
      order_id text NOT NULL,
      clearance_model text NOT NULL,
      ebp_code text,
      order_data jsonb,
      declaration jsonb,
      legal_units jsonb,
      cop_no text UNIQUE,
      pre_no text,
      invt_no text,
      cancellation_reason text,
      cancellation_sent boolean NOT NULL DEFAULT false,
      returns_sent int NOT NULL DEFAULT 0,
      assessment jsonb,
      tax_bill jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (platform_id, order_id))`);
    await runner.query(`CREATE INDEX customs_order_by_invt_no ON customs_order (invt_no) WHERE invt_no IS NOT NULL`);
    await runner.query(`CREATE INDEX customs_order_by_order_no ON customs_order (order_id, ebp_code)`);
    await runner.query(`CREATE TABLE customs_message (
      seq bigserial UNIQUE,
      guid text PRIMARY KEY,
      platform_id text,
      order_id text,
      message_type text NOT NULL,
      direction text NOT NULL CHECK (direction IN ('OUT', 'IN')),
      cop_no text,
      app_type text,
      at timestamptz NOT NULL,
      return_status text,
      return_info text,
      xml text NOT NULL,
      input jsonb,
      file_name text,
      written_at timestamptz,
      refused_at timestamptz,
      refusal text,
      resent_as text)`);
    await runner.query(`CREATE INDEX customs_message_of_order ON customs_message (platform_id, order_id, seq)`);
    await runner.query(`CREATE INDEX customs_message_by_cop_no ON customs_message (cop_no, message_type) WHERE direction = 'OUT'`);
    await runner.query(`CREATE INDEX customs_message_by_file ON customs_message (file_name) WHERE direction = 'OUT'`);
    await runner.query(`CREATE INDEX customs_message_to_write ON customs_message (seq) WHERE file_name IS NOT NULL AND written_at IS NULL`);
    await runner.query(`CREATE TABLE failed_receipt_file (
      id bigserial PRIMARY KEY,
      file_name text NOT NULL,
      reason text NOT NULL,
      at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE failed_receipt_file`);
    await runner.query(`DROP TABLE customs_message`);
    await runner.query(`DROP TABLE customs_order`);
  }
}
