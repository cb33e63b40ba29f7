// Command answers and the dead-letter view moved to the ops service (schema ops); the gateway's
// tables are dropped. IF EXISTS: a new database never had them.
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropOpsTables1764000000810 implements MigrationInterface {
  name = 'DropOpsTables1764000000810';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE IF EXISTS dead_letter_view');
    await runner.query('DROP TABLE IF EXISTS command_answer');
  }

  async down(): Promise<void> {
    // The data lives in the ops schema now; nothing to put back here.
  }
}
