// Jest global setup of the integration run: one Kafka and one fresh database for every suite,
// passed to the workers (and to service processes they spawn) through the environment.
import { startTestInfrastructure, TestInfrastructure } from './infrastructure';

declare global {
  var __CBEC_TEST_INFRA__: TestInfrastructure | undefined;
}

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const infra = await startTestInfrastructure((line) => process.stderr.write(`\n[harness] ${line}`));
  globalThis.__CBEC_TEST_INFRA__ = infra;
  process.env.KAFKA_BROKERS = infra.kafkaBrokers;
  process.env.DATABASE_URL = infra.databaseUrl;
  process.env.CBEC_TEST_KAFKA_SOURCE = infra.kafka;
  process.env.LOG_LEVEL ??= 'warn';
  process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
  // The gateway will not start without keys; tests that need their own pass them explicitly.
  process.env.GATEWAY_API_KEYS ??= 'ops:test-ops-key-000,tmall-global:test-tmall-key-000,jd-worldwide:test-jd-key-000';
  process.stderr.write(`\n[harness] ready in ${((Date.now() - started) / 1000).toFixed(1)}s\n`);
}
