// Each service owns one PostgreSQL schema, created and migrated by TypeORM migrations (never
// `synchronize`); the database itself is created if missing.
import { Client, type Pool, type PoolClient } from 'pg';
import { DataSource, DataSourceOptions, EntityManager, EntitySchema, MigrationInterface } from 'typeorm';
import { messagingMigrations } from '@cbec/messaging';

export interface ServiceDatabase {
  url: string;
  schema: string;
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  poolSize?: number;
}

export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((error) => {
      if (error.code !== '42P04') throw error; // created by another service at the same moment
    });
  } finally {
    await client.end();
  }
}

export function dataSourceOptions(db: ServiceDatabase): DataSourceOptions {
  return {
    type: 'postgres',
    url: db.url,
    schema: db.schema,
    entities: db.entities,
    migrations: [...messagingMigrations(db.schema), ...db.migrations],
    migrationsTableName: 'migrations',
    synchronize: false,
    // Raw SQL (migrations, messaging) lands in the service's schema without qualifying names.
    extra: { max: db.poolSize ?? 10, options: `-c search_path=${db.schema}` },
  };
}

/** Creates the database and schema if missing, connects, and applies pending migrations. */
export async function openServiceDatabase(db: ServiceDatabase): Promise<DataSource> {
  await ensureDatabase(db.url);
  const dataSource = new DataSource(dataSourceOptions(db));
  await dataSource.initialize();
  keepCutConnectionsFromEndingTheProcess(dataSource);
  // Replicas starting together take turns: one creates and migrates, the others find it done.
  const lock = await dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`migrate:${db.schema}`]);
    await lock.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [`migrate:${db.schema}`]).catch(() => undefined);
    await lock.release();
  }
  return dataSource;
}

/**
 * pg's pool listens for errors only on the connections it holds idle; a connection checked out
 * (a transaction between two statements, the relay, housekeeping) that the server cuts emits
 * 'error', and with no listener that ends the process. Every connection gets one: the cut reaches
 * whoever uses the connection next as a failed query (retried as a failure that heals), and the
 * pool discards the connection when it is released.
 */
function keepCutConnectionsFromEndingTheProcess(dataSource: DataSource): void {
  const pool = (dataSource.driver as unknown as { master: Pool & { _clients?: PoolClient[] } }).master;
  const ignore = () => undefined;
  for (const client of pool._clients ?? []) client.on('error', ignore);
  pool.on('connect', (client) => client.on('error', ignore));
}

/** The schema-qualified, quoted table of an entity, for hand-written multi-row statements. */
export function tableOf(manager: EntityManager, entity: Function): string {
  const { schema, tableName } = manager.connection.getMetadata(entity);
  return schema ? `"${schema}"."${tableName}"` : `"${tableName}"`;
}
