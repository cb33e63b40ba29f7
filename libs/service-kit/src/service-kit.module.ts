// Everything a service shares with the others, wired once: configuration, its database and
// migrations, messaging with its handlers, health and metrics, logging. A service's AppModule
// imports ServiceKitModule.forRoot({...}) and lists its handlers; nothing else.
import { BeforeApplicationShutdown, DynamicModule, Inject, Module, ModuleMetadata, OnApplicationBootstrap, Provider, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, EntitySchema, MigrationInterface } from 'typeorm';
import { createLogger, EventHandler, Logger, Messaging, RetryPolicy, Subscription, TimerHandler } from '@cbec/messaging';
import { BaseConfig, readBaseConfig } from './config';
import { dataSourceOptions, openServiceDatabase, ServiceDatabase } from './database';
import { HealthController } from './health.controller';
import { BASE_CONFIG, LOGGER } from './tokens';

export interface ServiceOptions {
  /** The service's name: its log field, Kafka client id and CloudEvents source `/services/<name>`. */
  service: string;
  /** Its PostgreSQL schema. */
  schema: string;
  entities: (Function | EntitySchema)[];
  migrations: (new () => MigrationInterface)[];
  /** Topics this service publishes to or reads, created at start-up if missing. */
  topics: string[];
  consumer?: {
    groupId: string;
    subscriptions: Subscription[];
    retry?: Partial<RetryPolicy>;
    concurrency?: number;
  };
  handlers: Type<EventHandler<any>>[];
  /** Handlers of the service's durable timers. */
  timers?: Type<TimerHandler<any>>[];
  /** The service's own providers (use-case services, timers...), injectable into handlers. */
  providers?: Provider[];
  controllers?: Type<unknown>[];
  /**
   * The service's own Nest modules (a folder each): their controllers are served, and what they
   * export is injectable into the handlers and timers.
   */
  modules?: ModuleMetadata['imports'];
}

@Module({})
export class ServiceKitModule implements OnApplicationBootstrap, BeforeApplicationShutdown {
  static forRoot(options: ServiceOptions): DynamicModule {
    const topics = options.consumer?.subscriptions.map((subscription) => subscription.topic) ?? [];
    const twice = topics.filter((topic, i) => topics.indexOf(topic) !== i);
    // One group reads a topic once, with one set of settings: two would silently lose one.
    if (twice.length > 0) throw new Error(`${options.service}: ${[...new Set(twice)].join(', ')} subscribed more than once; list each topic once`);
    const database = (config: BaseConfig): ServiceDatabase => ({ url: config.databaseUrl, schema: options.schema, entities: options.entities, migrations: options.migrations });
    // The service's configuration: its database is DATABASE_URL unless <SERVICE>_DATABASE_URL names its own.
    const config = () => readBaseConfig(process.env, options.service);
    return {
      module: ServiceKitModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(database(config())),
          dataSourceFactory: () => openServiceDatabase(database(config())),
        }),
        ...(options.modules ?? []),
      ],
      controllers: [HealthController, ...(options.controllers ?? [])],
      providers: [
        { provide: BASE_CONFIG, useFactory: config },
        { provide: LOGGER, useValue: createLogger(options.service) },
        ...(options.providers ?? []),
        ...options.handlers,
        ...(options.timers ?? []),
        {
          provide: Messaging,
          inject: [BASE_CONFIG, DataSource, LOGGER, ...options.handlers, ...(options.timers ?? [])],
          useFactory: (config: BaseConfig, dataSource: DataSource, log: Logger, ...instances: unknown[]) =>
            new Messaging({
              brokers: config.kafkaBrokers,
              security: config.kafkaSecurity,
              service: options.service,
              schema: options.schema,
              dataSource,
              log,
              topics: options.topics,
              partitions: config.kafkaPartitions,
              replicationFactor: config.kafkaReplicationFactor,
              minInsyncReplicas: config.kafkaMinInsyncReplicas,
              consumer: options.consumer && { ...options.consumer, handlers: instances.slice(0, options.handlers.length) as EventHandler<any>[] },
              timers: instances.slice(options.handlers.length) as TimerHandler<any>[],
              relay: { dedupWindowMs: config.dedupWindowMs, retentionMs: config.outboxRetentionMs },
            }),
        },
      ],
      exports: [BASE_CONFIG, LOGGER, Messaging, TypeOrmModule, ...(options.providers ?? [])],
    };
  }

  constructor(@Inject(Messaging) private readonly messaging: Messaging) {}

  onApplicationBootstrap(): Promise<void> {
    return this.messaging.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.messaging.stop();
  }
}
