// --history N: before the measured phases, fills every service schema's processed_event inbox
// and outbox with N orders' worth of synthetic rows, so a run shows whether the rate falls as
// those tables grow. How many rows an order leaves in each table is measured on the warm-up's
// orders (the database is fresh, so every row there is theirs); the synthetic rows are copies of
// those rows with new event ids and keys (outbox rows published, `--history-age` minutes ago), so
// their sizes are real and columns this file does not know are carried over as they are.
// Only table names are relied on: a service schema is one with both tables, relay hops excluded.
const CHUNK_ROWS = 200_000;
const HISTORY_KEY_PREFIX = 'bench-history/';

async function serviceSchemas(client) {
  const { rows } = await client.query(
    `SELECT table_schema FROM information_schema.tables
      WHERE table_name IN ('processed_event', 'outbox') AND table_schema NOT LIKE 'relay_hop_%'
      GROUP BY table_schema HAVING count(*) = 2 ORDER BY table_schema`,
  );
  return rows.map((row) => row.table_schema);
}

/** Rows per order of each service schema's inbox and outbox, from the `orders` orders placed so far. */
async function measureRowsPerOrder(client, orders) {
  const perOrder = {};
  for (const schema of await serviceSchemas(client)) {
    const count = async (table) => Number((await client.query(`SELECT count(*) AS n FROM "${schema}".${table}`)).rows[0].n);
    perOrder[schema] = { processed_event: (await count('processed_event')) / orders, outbox: (await count('outbox')) / orders };
  }
  return perOrder;
}

/** Inserts `orders` orders' worth of rows into each schema's tables, then VACUUM ANALYZE as a long-running system would be. */
async function prefillHistory(client, { orders, perOrder, ageMinutes, progress }) {
  const inserted = {};
  const started = Date.now();
  for (const [schema, tables] of Object.entries(perOrder)) {
    inserted[schema] = {};
    for (const [table, rowsPerOrder] of Object.entries(tables)) {
      const total = Math.round(rowsPerOrder * orders);
      if (total === 0) continue;
      const copy = await copyStatement(client, schema, table, { ageMinutes, total, orders });
      await client.query(`CREATE TEMP TABLE bench_template AS SELECT (row_number() OVER () - 1) AS bench_template_no, * FROM "${schema}".${table}`);
      const templates = Number((await client.query('SELECT count(*) AS n FROM bench_template')).rows[0].n);
      for (let from = 0; from < total; from += CHUNK_ROWS) {
        const to = Math.min(total, from + CHUNK_ROWS) - 1;
        await client.query(copy, [from, to, templates]);
        progress(`history: ${schema}.${table} ${to + 1}/${total} rows (${((Date.now() - started) / 1000).toFixed(0)}s)`);
      }
      await client.query('DROP TABLE bench_template');
      await client.query(`VACUUM ANALYZE "${schema}".${table}`);
      inserted[schema][table] = total;
    }
  }
  return { orders, ageMinutes, rows: inserted, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/**
 * INSERT ... SELECT from generate_series($1, $2), row g copying template g mod $3: event ids and
 * keys spread over `orders` synthetic orders, timestamps set `ageMinutes` back, every unique index given one varying column.
 */
async function copyStatement(client, schema, table, { ageMinutes, total, orders }) {
  const { rows: columns } = await client.query(
    `SELECT column_name, data_type, column_default, is_identity, is_generated FROM information_schema.columns
      WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
    [schema, table],
  );
  const { rows: uniqueIndexes } = await client.query(
    `SELECT array_agg(a.attname::text) AS columns FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
      WHERE i.indrelid = $1::regclass AND i.indisunique GROUP BY i.indexrelid`,
    [`"${schema}".${table}`],
  );
  const generated = (c) => c.is_identity === 'YES' || c.is_generated === 'ALWAYS' || String(c.column_default ?? '').startsWith('nextval(');
  const copied = columns.filter((c) => !generated(c));
  const age = `now() - interval '${Number(ageMinutes)} minutes'`;
  const uniqueId = (c) => `md5('${schema}.${table}.${c.column_name}.' || g)::uuid${c.data_type === 'uuid' ? '' : '::text'}`;
  const overrides = new Map();
  if (table === 'processed_event') {
    overrides.set('event_id', uniqueId);
    overrides.set('processed_at', () => age);
  } else {
    overrides.set('key', () => `'${HISTORY_KEY_PREFIX}H' || (g * ${Number(orders)} / ${Number(total)})`);
    overrides.set('created_at', () => age);
    overrides.set('published_at', () => age);
  }
  for (const index of uniqueIndexes) {
    const cols = index.columns;
    if (cols.some((name) => overrides.has(name) || columns.some((c) => c.column_name === name && generated(c)))) continue;
    const varying = copied.find((c) => cols.includes(c.column_name) && ['text', 'uuid', 'character varying'].includes(c.data_type));
    if (!varying) throw new Error(`history: cannot make unique index (${cols.join(', ')}) of ${schema}.${table} unique for copied rows`);
    overrides.set(varying.column_name, uniqueId);
  }
  const names = copied.map((c) => `"${c.column_name}"`).join(', ');
  const values = copied.map((c) => (overrides.has(c.column_name) ? overrides.get(c.column_name)(c) : `t."${c.column_name}"`)).join(', ');
  return `INSERT INTO "${schema}".${table} (${names})
          SELECT ${values} FROM generate_series($1::bigint, $2::bigint) AS g
          JOIN bench_template t ON t.bench_template_no = g % $3::bigint`;
}

/** How many synthetic outbox rows are still there (the relay deletes published rows past its retention). */
async function historyRowsLeft(client) {
  const left = {};
  for (const schema of await serviceSchemas(client)) {
    left[schema] = Number((await client.query(`SELECT count(*) AS n FROM "${schema}".outbox WHERE key LIKE '${HISTORY_KEY_PREFIX}%'`)).rows[0].n);
  }
  return left;
}

module.exports = { serviceSchemas, measureRowsPerOrder, prefillHistory, historyRowsLeft };
