// The tariff table (CONTRACT 4.1) as PostgreSQL keeps it, in every service that holds one:
// tax-permit's, the source of truth, and the copies of inspection and the gateway, which start
// from the same seed and follow its tariff-changed events. One entity, one migration body, one
// way to read and write entries, so the three stay alike.
import { Column, Entity, EntityManager, MigrationInterface, PrimaryColumn, QueryRunner, UpdateDateColumn } from 'typeorm';
import { TariffEntryData, tariffEntryData } from '@cbec/contracts';
import { TARIFF_SEED } from '@cbec/domain';

@Entity({ name: 'tariff_entry' })
export class TariffEntryRecord {
  @PrimaryColumn({ name: 'hs_prefix', type: 'text' }) hsPrefix: string;
  @Column({ type: 'text' }) description: string;
  /** Rates and prices are PostgreSQL numeric, read back as the decimal strings written. */
  @Column({ name: 'duty_rate', type: 'numeric' }) dutyRate: string;
  @Column({ name: 'vat_rate', type: 'numeric' }) vatRate: string;
  @Column({ name: 'consumption_tax_rate', type: 'numeric' }) consumptionTaxRate: string;
  @Column({ name: 'cbec_eligible', type: 'boolean' }) cbecEligible: boolean;
  @Column({ type: 'boolean' }) quarantine: boolean;
  @Column({ type: 'boolean' }) prohibited: boolean;
  @Column({ name: 'reference_unit_price', type: 'numeric', nullable: true }) referenceUnitPrice: string | null;
  /** Null: kilogram, DEFAULT_LEGAL_UNIT (CONTRACT 8.2). */
  @Column({ name: 'legal_unit', type: 'text', nullable: true }) legalUnit: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

/** The contract's entry of a row: no reference price or legal unit is left out, never null. */
export function toTariffEntry(record: TariffEntryRecord): TariffEntryData {
  return tariffEntryData(record);
}

/** The last table read, per schema, under the fingerprint of its rows. */
const lastRead = new Map<string, { fingerprint: string; entries: TariffEntryData[] }>();

/**
 * The table as the caller's transaction sees it. The rows are read and mapped again only when
 * their fingerprint (computed by PostgreSQL over every row) has changed, so an assessment costs
 * one small query however large the table, and a change by any replica is seen at once.
 */
export async function readTariff(manager: EntityManager): Promise<TariffEntryData[]> {
  const { schema, tableName } = manager.connection.getMetadata(TariffEntryRecord);
  const table = schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
  const [{ fingerprint }] = await manager.query(`SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.hs_prefix), '')) AS fingerprint FROM ${table} t`);
  const cached = lastRead.get(table);
  if (cached && cached.fingerprint === fingerprint) return cached.entries;
  const records = await manager.getRepository(TariffEntryRecord).find({ order: { hsPrefix: 'ASC' } });
  // Shared by every later reader, so frozen.
  const entries = Object.freeze(records.map((record) => Object.freeze(toTariffEntry(record)))) as TariffEntryData[];
  lastRead.set(table, { fingerprint, entries });
  return entries;
}

export async function saveTariffEntry(manager: EntityManager, entry: TariffEntryData): Promise<void> {
  await manager.getRepository(TariffEntryRecord).upsert({ ...entry, referenceUnitPrice: entry.referenceUnitPrice ?? null, legalUnit: entry.legalUnit ?? null }, ['hsPrefix']);
}

/**
 * Creates the table and seeds it with the contract's seed. The source of truth also checks the
 * values in the database; the copies take what the source published.
 */
export async function createSeededTariffTable(runner: QueryRunner, { checked }: { checked: boolean }): Promise<void> {
  const check = (condition: string) => (checked ? ` CHECK (${condition})` : '');
  await runner.query(`CREATE TABLE tariff_entry (
    hs_prefix text PRIMARY KEY${check("hs_prefix ~ '^[0-9]{4,10}$'")},
    description text NOT NULL,
    duty_rate numeric NOT NULL${check('duty_rate >= 0')},
    vat_rate numeric NOT NULL${check('vat_rate >= 0')},
    consumption_tax_rate numeric NOT NULL${check('consumption_tax_rate >= 0 AND consumption_tax_rate < 1')},
    cbec_eligible boolean NOT NULL,
    quarantine boolean NOT NULL,
    prohibited boolean NOT NULL,
    reference_unit_price numeric${check('reference_unit_price > 0')},
    updated_at timestamptz NOT NULL DEFAULT now())`);
  for (const entry of TARIFF_SEED) {
    await runner.query(
      `INSERT INTO tariff_entry (hs_prefix, description, duty_rate, vat_rate, consumption_tax_rate, cbec_eligible, quarantine, prohibited, reference_unit_price)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [entry.hsPrefix, entry.description, entry.dutyRate, entry.vatRate, entry.consumptionTaxRate, entry.cbecEligible, entry.quarantine, entry.prohibited, entry.referenceUnitPrice ?? null],
    );
  }
}

/**
 * The legal unit of quantity (CONTRACT 8.2), in every service that holds the table. One class:
 * each service records it in its own schema's migrations table.
 */
export class AddTariffLegalUnit1764000002000 implements MigrationInterface {
  name = 'AddTariffLegalUnit1764000002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE tariff_entry ADD COLUMN IF NOT EXISTS legal_unit text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE tariff_entry DROP COLUMN IF EXISTS legal_unit`);
  }
}
