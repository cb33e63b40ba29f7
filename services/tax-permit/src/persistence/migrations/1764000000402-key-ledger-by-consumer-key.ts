// The annual ledger files a consumer under their key (consumerKeyOf: HMAC-SHA256 of the ID number
// with CONSUMER_KEY_SECRET), no longer under the ID number: existing rows are converted here, the
// hash computed in TypeScript by the same function the service uses (no pgcrypto needed). One way:
// a hash cannot be turned back into the number.
import { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerKeyOf } from '@cbec/privacy';
import { readConsumerKeySecret } from '@cbec/service-kit';

const BATCH = 1000;

export class KeyLedgerByConsumerKey1764000000402 implements MigrationInterface {
  name = 'KeyLedgerByConsumerKey1764000000402';

  async up(runner: QueryRunner): Promise<void> {
    const secret = readConsumerKeySecret(process.env);
    await runner.query('CREATE TEMPORARY TABLE consumer_key_of (id_number text PRIMARY KEY, consumer_key text NOT NULL)');
    const idNumbers: string[] = (await runner.query('SELECT DISTINCT consumer_id_number FROM annual_ledger')).map((row: { consumer_id_number: string }) => row.consumer_id_number);
    for (let start = 0; start < idNumbers.length; start += BATCH) {
      const batch = idNumbers.slice(start, start + BATCH);
      await runner.query('INSERT INTO consumer_key_of SELECT * FROM unnest($1::text[], $2::text[])', [batch, batch.map((idNumber) => consumerKeyOf(idNumber, secret))]);
    }
    await runner.query('ALTER TABLE ledger_entry DROP CONSTRAINT ledger_entry_consumer_id_number_quota_year_fkey');
    for (const table of ['annual_ledger', 'ledger_entry']) {
      await runner.query(`UPDATE ${table} t SET consumer_id_number = k.consumer_key FROM consumer_key_of k WHERE t.consumer_id_number = k.id_number`);
      await runner.query(`ALTER TABLE ${table} RENAME COLUMN consumer_id_number TO consumer_key`);
    }
    await runner.query('ALTER TABLE ledger_entry ADD FOREIGN KEY (consumer_key, quota_year) REFERENCES annual_ledger (consumer_key, quota_year)');
    await runner.query('DROP TABLE consumer_key_of');
  }

  async down(): Promise<void> {
    throw new Error('KeyLedgerByConsumerKey1764000000402 cannot be undone: the ID numbers are not kept');
  }
}
