// The harness itself: on a machine with no container runtime and no broker given, it starts
// infra/kafka on its own port and makes a fresh database, and both answer.
import { Client } from 'pg';
import { testKafka } from './probes';

describe('test harness', () => {
  it('started a Kafka broker of its own (or used the one it was given) and it answers', async () => {
    const source = process.env.CBEC_TEST_KAFKA_SOURCE;
    if (!process.env.TEST_KAFKA_BROKERS && source !== 'container') expect(source).toBe('infra/kafka (started)');
    const admin = testKafka().admin();
    await admin.connect();
    const cluster = await admin.describeCluster();
    await admin.disconnect();
    expect(cluster.brokers.length).toBeGreaterThan(0);
  });

  it('made a fresh database for this run', async () => {
    const url = new URL(process.env.DATABASE_URL!);
    expect(url.pathname).toMatch(/^\/cbec_test_\d+_[0-9a-f]{6}$/);
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM pg_stat_user_tables WHERE schemaname NOT LIKE 'msg_%'`);
    await client.end();
    expect(rows[0].n).toBeGreaterThanOrEqual(0);
  });
});
