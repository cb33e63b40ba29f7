import { ConfigError, readBaseConfig } from './config';

describe('readBaseConfig', () => {
  it('reads every service from DATABASE_URL, and leaves the topic layout to the cluster size', () => {
    const config = readBaseConfig({ DATABASE_URL: 'postgres://db-host/cbec' }, 'tax-permit');
    expect(config).toMatchObject({ databaseUrl: 'postgres://db-host/cbec', kafkaBrokers: ['127.0.0.1:9092'], kafkaSecurity: {}, kafkaPartitions: 6 });
    expect([config.kafkaReplicationFactor, config.kafkaMinInsyncReplicas]).toEqual([undefined, undefined]);
  });

  it('points one service at its own database with <SERVICE>_DATABASE_URL, the others stay on DATABASE_URL', () => {
    const env = { DATABASE_URL: 'postgres://db-host/cbec', TAX_PERMIT_DATABASE_URL: 'postgres://tax-host/tax' };
    expect(readBaseConfig(env, 'tax-permit').databaseUrl).toBe('postgres://tax-host/tax');
    expect(readBaseConfig(env, 'order').databaseUrl).toBe('postgres://db-host/cbec');
    expect(readBaseConfig(env).databaseUrl).toBe('postgres://db-host/cbec');
  });

  it('names the variable of a bad URL, without its password', () => {
    expect(() => readBaseConfig({ TAX_PERMIT_DATABASE_URL: 'mysql://u:secret@h/db' }, 'tax-permit')).toThrow(new ConfigError('TAX_PERMIT_DATABASE_URL must be a postgres:// URL, got "mysql://u:***@h/db"'));
  });

  it('reads the replication factor and min.insync.replicas', () => {
    expect(readBaseConfig({ KAFKA_REPLICATION_FACTOR: '3', KAFKA_MIN_INSYNC_REPLICAS: '2' })).toMatchObject({ kafkaReplicationFactor: 3, kafkaMinInsyncReplicas: 2 });
    expect(() => readBaseConfig({ KAFKA_REPLICATION_FACTOR: '0' })).toThrow(new ConfigError('KAFKA_REPLICATION_FACTOR must be an integer of at least 1, got "0"'));
  });

  it('passes TLS and SASL through to the Kafka client', () => {
    expect(readBaseConfig({ KAFKA_SSL: 'true', KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_SASL_USERNAME: 'cbec', KAFKA_SASL_PASSWORD: 'pw' }).kafkaSecurity).toEqual({
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'cbec', password: 'pw' },
    });
  });

  it.each([
    [{ KAFKA_SSL: 'yes' }, 'KAFKA_SSL must be true or false, got "yes"'],
    [{ KAFKA_SASL_MECHANISM: 'gssapi' }, 'KAFKA_SASL_MECHANISM must be one of plain, scram-sha-256, scram-sha-512, got "gssapi"'],
    [{ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'cbec' }, 'KAFKA_SASL_MECHANISM needs KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD'],
  ])('stops start-up on %j with one clear line', (env, line) => {
    expect(() => readBaseConfig(env)).toThrow(new ConfigError(line));
  });
});
