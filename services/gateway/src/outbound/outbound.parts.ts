// The outbound translator (CONTRACT 2.3), self-contained: its tables, topics, consumer and
// handlers, which the gateway's AppModule hands to the service kit.
import { TOPICS } from '@cbec/contracts';
import type { Subscription } from '@cbec/messaging';
import { GiveUpHeldEventsPastHorizon } from './give-up-held-events-past-horizon';
import { HeldEventsMetric } from '../sequencing/held-events.metric';
import { NOTIFY_PLATFORM_HANDLERS } from './notify-platform-when-clearance-event.handler';
import { outboundConfigProvider } from './outbound.config';
import { OutboundTranslator } from './outbound-translator.service';
import { CreateOutboundTables1764000000600 } from './persistence/migrations/1764000000600-create-outbound-tables';
import { HeldEvent } from '../sequencing/persistence/held-event.entity';
import { OutboundOrder } from './persistence/outbound-order.entity';

/** Every service topic: each carries status events or refusals of some orders. */
const SERVICE_TOPICS = [TOPICS.orderEvents, TOPICS.declarationEvents, TOPICS.inspectionEvents, TOPICS.taxPermitEvents, TOPICS.logisticsEvents];

/**
 * Internal topics are written by our own outboxes, so what cannot be read there is a bug of
 * ours: this group dead-letters it, where ops see it, rather than let a platform miss a status.
 */
const subscriptions: Subscription[] = SERVICE_TOPICS.map((topic) => ({ topic, deadLetterUnreadable: true }));

export const OUTBOUND = {
  entities: [OutboundOrder, HeldEvent],
  migrations: [CreateOutboundTables1764000000600],
  topics: [...SERVICE_TOPICS, TOPICS.platformOutbound],
  consumer: { groupId: 'cbec.gateway.outbound', subscriptions },
  handlers: NOTIFY_PLATFORM_HANDLERS,
  providers: [outboundConfigProvider, OutboundTranslator, HeldEventsMetric, GiveUpHeldEventsPastHorizon],
};
