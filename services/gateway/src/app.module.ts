// The gateway: the outbound translator that tells platforms of their orders (CONTRACT 2.3), the
// clearance read model with its reports for ops, the platforms' REST API of CONTRACT 5, all in one
// process with one consumer group. The ops calls it does not answer itself go to the ops service
// (forward-to-ops/, set up in main.ts).
import { Module, Provider, Type } from '@nestjs/common';
import type { MigrationInterface } from 'typeorm';
import type { EventHandler, Subscription } from '@cbec/messaging';
import { ServiceKitModule } from '@cbec/service-kit';
import { CLEARANCES } from './clearances/clearances.parts';
import { HttpEdgeModule } from '@cbec/http-edge';
import { DocsModule } from './docs/docs.module';
import { DropOpsTables1764000000810 } from './persistence/migrations/1764000000810-drop-ops-tables';
import { ORDERS } from './orders/orders.parts';
import { OUTBOUND } from './outbound/outbound.parts';
import { QUOTES } from './quotes/quotes.parts';
import { READ_MODEL } from './read-model/read-model.parts';
import { ReportsModule } from './reports/reports.module';

export const GATEWAY_SERVICE = {
  service: 'gateway',
  schema: 'gateway',
  consumerGroup: OUTBOUND.consumer.groupId,
};

interface ConsumingPart {
  entities: Function[];
  migrations: (new () => MigrationInterface)[];
  topics: string[];
  subscriptions: Subscription[];
  handlers: Type<EventHandler>[];
  providers: Provider[];
}

interface RestPart {
  controllers: Type<unknown>[];
  providers: Provider[];
}

/** Parts that read topics: each brings its subscriptions, its handlers and its tables. */
const CONSUMING_PARTS: ConsumingPart[] = [
  { ...OUTBOUND, subscriptions: OUTBOUND.consumer.subscriptions },
  READ_MODEL,
  QUOTES,
];

/** The gateway's one consumer group: every topic it reads, each once. */
export const GATEWAY_CONSUMER = {
  groupId: GATEWAY_SERVICE.consumerGroup,
  subscriptions: CONSUMING_PARTS.flatMap((part) => part.subscriptions),
};

/** The REST calls of this module's own folders (ReportsModule brings its own). */
const REST_PARTS: RestPart[] = [ORDERS, CLEARANCES, { controllers: QUOTES.controllers, providers: [] }];

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: GATEWAY_SERVICE.service,
      schema: GATEWAY_SERVICE.schema,
      entities: [...CONSUMING_PARTS.flatMap((part) => part.entities), ...ORDERS.entities],
      migrations: [...CONSUMING_PARTS.flatMap((part) => part.migrations), ...ORDERS.migrations, DropOpsTables1764000000810],
      topics: [...new Set(CONSUMING_PARTS.flatMap((part) => part.topics))],
      consumer: GATEWAY_CONSUMER,
      handlers: CONSUMING_PARTS.flatMap((part) => part.handlers),
      providers: [...CONSUMING_PARTS.flatMap((part) => part.providers), ...REST_PARTS.flatMap((part) => part.providers)],
      controllers: REST_PARTS.flatMap((part) => part.controllers),
    }),
    HttpEdgeModule,
    ReportsModule,
    DocsModule,
  ],
})
export class AppModule {}
