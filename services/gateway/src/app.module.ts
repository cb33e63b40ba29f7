// The gateway: for now, the outbound translator that tells platforms of their orders
// (CONTRACT 2.3); the REST API and read model join it as modules beside src/outbound/.
import { Module } from '@nestjs/common';
import { ServiceKitModule } from '@cbec/service-kit';
import { HttpEdgeModule } from './http/http-edge.module';
import { OUTBOUND } from './outbound/outbound.parts';

export const GATEWAY_SERVICE = {
  service: 'gateway',
  schema: 'gateway',
  consumerGroup: OUTBOUND.consumer.groupId,
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: GATEWAY_SERVICE.service,
      schema: GATEWAY_SERVICE.schema,
      entities: [...OUTBOUND.entities],
      migrations: [...OUTBOUND.migrations],
      topics: [...OUTBOUND.topics],
      consumer: OUTBOUND.consumer,
      handlers: [...OUTBOUND.handlers],
      providers: [...OUTBOUND.providers],
    }),
    HttpEdgeModule,
  ],
})
export class AppModule {}
