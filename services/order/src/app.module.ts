// The order service: intake of platform orders (CONTRACT 2.1), where cancellations enter (7.2).
import { Module } from '@nestjs/common';
import { INBOUND_EVENT_TYPES, TOPICS } from '@cbec/contracts';
import { ServiceKitModule } from '@cbec/service-kit';
import { ConfirmOrderWhenPlacedHandler } from './confirm-order/confirm-order-when-placed.handler';
import { ForwardCancellationWhenRequestedHandler } from './forward-cancellation/forward-cancellation-when-requested.handler';
import { IntakeOrder } from './persistence/order.entity';
import { CreateIntakeOrder1764000000100 } from './persistence/migrations/1764000000100-create-intake-order';

export const ORDER_SERVICE = {
  service: 'order',
  schema: 'orders',
  consumerGroup: 'cbec.order',
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: ORDER_SERVICE.service,
      schema: ORDER_SERVICE.schema,
      entities: [IntakeOrder],
      migrations: [CreateIntakeOrder1764000000100],
      topics: [TOPICS.platformInbound, TOPICS.orderEvents],
      consumer: {
        groupId: ORDER_SERVICE.consumerGroup,
        // The order service owns the inbound topic's unreadable messages: it dead-letters them.
        subscriptions: [{ topic: TOPICS.platformInbound, knownTypes: INBOUND_EVENT_TYPES, deadLetterUnreadable: true }],
      },
      handlers: [ConfirmOrderWhenPlacedHandler, ForwardCancellationWhenRequestedHandler],
    }),
  ],
})
export class AppModule {}
