// The declaration service: builds each confirmed order's declaration (inventory list), gathers
// its documents and files it (CONTRACT 3; ARCHITECTURE.md).
import { Module } from '@nestjs/common';
import { TOPICS } from '@cbec/contracts';
import { ServiceKitModule } from '@cbec/service-kit';
import { DeclareWhenDocumentsProvidedHandler } from './declare-order/declare-when-documents-provided.handler';
import { DeclareWhenOrderConfirmedHandler } from './declare-order/declare-when-order-confirmed.handler';
import { ForwardCancellationWhenForwardedHandler } from './forward-cancellation/forward-cancellation-when-forwarded.handler';
import { OrderDeclaration } from './persistence/declaration.entity';
import { CreateDeclaration1764000000200 } from './persistence/migrations/1764000000200-create-declaration';

export const DECLARATION_SERVICE = {
  service: 'declaration',
  schema: 'declaration',
  consumerGroup: 'cbec.declaration',
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: DECLARATION_SERVICE.service,
      schema: DECLARATION_SERVICE.schema,
      entities: [OrderDeclaration],
      migrations: [CreateDeclaration1764000000200],
      topics: [TOPICS.orderEvents, TOPICS.logisticsEvents, TOPICS.declarationEvents],
      consumer: {
        groupId: DECLARATION_SERVICE.consumerGroup,
        // Internal topics: every type is readable here; types without a handler are skipped.
        subscriptions: [{ topic: TOPICS.orderEvents }, { topic: TOPICS.logisticsEvents }],
      },
      handlers: [DeclareWhenOrderConfirmedHandler, DeclareWhenDocumentsProvidedHandler, ForwardCancellationWhenForwardedHandler],
    }),
  ],
})
export class AppModule {}
