// Rebuilds the clearance read model from the topics and compares it with the live one:
//   node -r ./scripts/register-paths.js dist/services/gateway/src/read-model/rebuild.js
// Reads every topic the projection reads, from the beginning up to the end offsets of the moment
// it starts (a throwaway consumer group), replays them through the translator's step ordering
// and the same projection into an empty scratch schema (gateway_rebuild, recreated each run),
// then compares every view and timeline with the live tables. Publishes nothing.
// Exit code: 0 equal, 1 different (the differences are printed), 2 could not run.
// Uses KAFKA_BROKERS and the gateway's database (GATEWAY_DATABASE_URL, else DATABASE_URL), like the gateway.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, readBaseConfig } from '@cbec/service-kit';
import { GATEWAY_CONSUMER, GATEWAY_SERVICE } from '../app.module';
import { ClearanceProjector } from './clearance-projector.service';
import { loadAllRecords } from './clearance-store';
import { READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS } from './persistence/read-model.tables';
import { compareReadModels } from './rebuild/compare.rule';
import { replayHistory } from './rebuild/history-replay.rule';
import { readHistory, rebuildKafka, waitForLiveGroup } from '@cbec/messaging';

export const SCRATCH_SCHEMA = 'gateway_rebuild';

/** Every topic the projection reads: the gateway consumer's, i.e. the services' topics (through the translator), the platform's inbound topic and the Single Window's receipts. */
const HISTORY_TOPICS = [...new Set(GATEWAY_CONSUMER.subscriptions.map((subscription) => subscription.topic))];

async function rebuild(): Promise<number> {
  const config = readBaseConfig(process.env, GATEWAY_SERVICE.service);
  const kafka = rebuildKafka(config.kafkaBrokers, config.kafkaSecurity);
  const live = await openSchema(config.databaseUrl, GATEWAY_SERVICE.schema);
  const scratch = await recreateScratchSchema(config.databaseUrl);
  try {
    const [{ known }] = await live.query('SELECT to_regclass($1) IS NOT NULL AS known', [`"${GATEWAY_SERVICE.schema}".clearance_view`]);
    if (!known) throw new Error(`schema ${GATEWAY_SERVICE.schema} has no read model: has the gateway run on this database?`);

    say(`reading ${HISTORY_TOPICS.join(', ')} from their beginning`);
    const history = await readHistory(kafka, HISTORY_TOPICS);
    const replay = replayHistory(history.messages);
    say(`history: ${history.messages.length} messages, ${replay.eventIds.size} events, ${replay.skipped} not for the read model, ${replay.held} still held back for a missing step`);

    const projector = new ClearanceProjector();
    let entries = 0;
    for (const order of replay.orders.values()) {
      if (order.events.length === 0) continue;
      const record = await scratch.transaction((manager) => projector.apply(manager, order.ref, order.events));
      entries += record.timeline.length;
    }
    say(`rebuilt ${replay.orders.size} orders, ${entries} timeline entries, into schema ${SCRATCH_SCHEMA}`);

    const caughtUp = await waitForLiveGroup(kafka, GATEWAY_CONSUMER.groupId, history.ends);
    if (!caughtUp) say(`the live group ${GATEWAY_CONSUMER.groupId} has not consumed all of this history yet: orders it has not caught up on show as different`);

    const comparison = compareReadModels(await loadAllRecords(live.manager), await loadAllRecords(scratch.manager), replay.eventIds);
    const different = new Set(comparison.differences.map((d) => d.order));
    say(`compared ${comparison.orders} orders: ${comparison.equal} equal, ${different.size} different, ${comparison.changedSince.length} changed since the history was taken (not compared)`);
    for (const key of comparison.changedSince) say(`  changed since: ${key}`);
    for (const { order, what, live: a, rebuilt: b } of comparison.differences) say(`  DIFFERENT ${order} ${what}: live ${JSON.stringify(a)}, rebuilt ${JSON.stringify(b)}`);
    say(different.size === 0 ? 'the rebuilt read model equals the live one' : 'the rebuilt read model differs from the live one');
    return different.size === 0 ? 0 : 1;
  } finally {
    await Promise.all([live.destroy(), scratch.destroy()]);
  }
}

async function openSchema(url: string, schema: string): Promise<DataSource> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, schema, entities: READ_MODEL_ENTITIES, migrations: [], poolSize: 2 }), migrations: [] });
  return dataSource.initialize();
}

/** The scratch schema, dropped and created afresh with the read model's tables. */
async function recreateScratchSchema(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, schema: SCRATCH_SCHEMA, entities: READ_MODEL_ENTITIES, migrations: [], poolSize: 2 }), migrations: READ_MODEL_MIGRATIONS });
  await dataSource.initialize();
  await dataSource.query(`DROP SCHEMA IF EXISTS "${SCRATCH_SCHEMA}" CASCADE`);
  await dataSource.query(`CREATE SCHEMA "${SCRATCH_SCHEMA}"`);
  await dataSource.runMigrations({ transaction: 'all' });
  return dataSource;
}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

if (require.main === module) {
  rebuild().then(
    (code) => process.exit(code),
    (error) => {
      process.stderr.write(`rebuild: cannot run: ${(error as Error)?.message ?? error}\n`);
      process.exit(2);
    },
  );
}
