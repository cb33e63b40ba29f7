// The gateway: the outbound translator that tells platforms of their orders (CONTRACT 2.3), the
// clearance read model with its reports for ops, the platforms' REST API of CONTRACT 5, all in one
// process with one consumer group. The calls it does not answer itself go to the ops service or
// the Single Window service (forward-to-services/, set up in main.ts).
import { Module } from '@nestjs/common';
import { INBOUND_EVENT_TYPES, TOPICS } from '@cbec/contracts';
import type { Subscription } from '@cbec/messaging';
import { HttpEdgeModule } from '@cbec/http-edge';
import { ServiceKitModule } from '@cbec/service-kit';
import { AddTariffLegalUnit1764000002000, TariffEntryRecord, UpdateTariffCopyWhenChangedHandler } from '@cbec/tariff-table';
import { ClearancesModule } from './clearances/clearances.module';
import { DocsModule } from './docs/docs.module';
import { OrdersModule } from './orders/orders.module';
import { AcceptedOrder } from './orders/persistence/accepted-order.entity';
import { CreateAcceptedOrder1764000000710 } from './orders/persistence/migrations/1764000000710-create-accepted-order';
import { NotifyPlatformWhenClearanceEvent } from './outbound/notify-platform-when-clearance-event.handler';
import { OutboundModule } from './outbound/outbound.module';
import { CreateOutboundTables1764000000600 } from './outbound/persistence/migrations/1764000000600-create-outbound-tables';
import { OutboundOrder } from './outbound/persistence/outbound-order.entity';
import { DropOpsTables1764000000810 } from './persistence/migrations/1764000000810-drop-ops-tables';
import { ConsumerAnnualTotal } from './quotes/persistence/consumer-annual-total.entity';
import { CreateTariffCopy1764000000801 } from './quotes/persistence/migrations/1764000000801-create-tariff-copy';
import { CreateConsumerAnnualTotal1764000000900 } from './quotes/persistence/migrations/1764000000900-create-consumer-annual-total';
import { QuotesModule } from './quotes/quotes.module';
import { RecordAnnualTotalWhenChangedHandler } from './quotes/record-annual-total-when-changed.handler';
import { READ_MODEL_ENTITIES, READ_MODEL_MIGRATIONS } from './read-model/persistence/read-model.tables';
import { READ_MODEL_HANDLERS, ReadModelModule } from './read-model/read-model.module';
import { ReportsModule } from './reports/reports.module';
import { HeldEvent } from './sequencing/persistence/held-event.entity';

export const GATEWAY_SERVICE = {
  service: 'gateway',
  schema: 'gateway',
  consumerGroup: 'cbec.gateway.outbound',
};

/** Every service topic: each carries status events or refusals of some orders, for the outbound translator. */
const SERVICE_TOPICS = [TOPICS.orderEvents, TOPICS.declarationEvents, TOPICS.inspectionEvents, TOPICS.taxPermitEvents, TOPICS.logisticsEvents];

/** The gateway's one consumer group: every topic it reads, each once. */
export const GATEWAY_CONSUMER: { groupId: string; subscriptions: Subscription[] } = {
  groupId: GATEWAY_SERVICE.consumerGroup,
  subscriptions: [
    // Internal topics are written by our own outboxes, so what cannot be read there is a bug of
    // ours: this group dead-letters it, where ops see it, rather than let a platform miss a status.
    // The quotes' handlers read tax-permit's topic through this subscription too.
    ...SERVICE_TOPICS.map((topic) => ({ topic, deadLetterUnreadable: true })),
    // The read model's inbound events; the order service owns the topic's unreadable messages, this group leaves them be.
    { topic: TOPICS.platformInbound, knownTypes: INBOUND_EVENT_TYPES, deadLetterUnreadable: false },
    // The read model's customs receipts (our own outbox, like the service topics above).
    { topic: TOPICS.singleWindowEvents, deadLetterUnreadable: true },
  ],
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: GATEWAY_SERVICE.service,
      schema: GATEWAY_SERVICE.schema,
      entities: [OutboundOrder, HeldEvent, ...READ_MODEL_ENTITIES, ConsumerAnnualTotal, TariffEntryRecord, AcceptedOrder],
      migrations: [
        CreateOutboundTables1764000000600,
        ...READ_MODEL_MIGRATIONS,
        CreateTariffCopy1764000000801,
        CreateConsumerAnnualTotal1764000000900,
        CreateAcceptedOrder1764000000710,
        DropOpsTables1764000000810,
        AddTariffLegalUnit1764000002000,
      ],
      topics: [...SERVICE_TOPICS, TOPICS.singleWindowEvents, TOPICS.platformOutbound, TOPICS.platformInbound],
      consumer: GATEWAY_CONSUMER,
      handlers: [NotifyPlatformWhenClearanceEvent, ...READ_MODEL_HANDLERS, RecordAnnualTotalWhenChangedHandler, UpdateTariffCopyWhenChangedHandler],
      // The handlers' services come from these; the outbound translator's applied events go to the read model.
      modules: [OutboundModule.withProjectionFrom(ReadModelModule), ReadModelModule, QuotesModule, OrdersModule, ClearancesModule],
    }),
    HttpEdgeModule,
    ReportsModule,
    DocsModule,
  ],
})
export class AppModule {}
