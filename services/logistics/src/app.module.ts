// The logistics service: documents for model I, waybills, transport, pickup points and codes,
// and the hand-over to the consignee (CONTRACT 4.4).
import { Module } from '@nestjs/common';
import { INBOUND_EVENT_TYPES, TOPICS } from '@cbec/contracts';
import { ServiceKitModule } from '@cbec/service-kit';
import { logisticsConfigProvider } from './config';
import { ConfirmReceiptWhenGoodsReceivedHandler } from './confirm-receipt/confirm-receipt-when-goods-received.handler';
import { ExpirePickupWhenWindowEndsTimer } from './expire-pickup/expire-pickup-when-window-ends.timer';
import { DispatchWhenPermitIssuedHandler } from './hand-over/dispatch-when-permit-issued.handler';
import { DispatchWhenTaxPaidHandler } from './hand-over/dispatch-when-tax-paid.handler';
import { HandOverService } from './hand-over/hand-over.service';
import { CreateShipment1764000000500 } from './persistence/migrations/1764000000500-create-shipment';
import { Shipment } from './persistence/shipment.entity';
import { ProvideDocumentsWhenRequestedHandler } from './provide-documents/provide-documents-when-requested.handler';

export const LOGISTICS_SERVICE = {
  service: 'logistics',
  schema: 'logistics',
  consumerGroup: 'cbec.logistics',
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: LOGISTICS_SERVICE.service,
      schema: LOGISTICS_SERVICE.schema,
      entities: [Shipment],
      migrations: [CreateShipment1764000000500],
      topics: [TOPICS.declarationEvents, TOPICS.taxPermitEvents, TOPICS.platformInbound, TOPICS.logisticsEvents],
      consumer: {
        groupId: LOGISTICS_SERVICE.consumerGroup,
        subscriptions: [
          { topic: TOPICS.declarationEvents },
          { topic: TOPICS.taxPermitEvents },
          // The order service owns the inbound topic's unreadable messages.
          { topic: TOPICS.platformInbound, knownTypes: INBOUND_EVENT_TYPES, deadLetterUnreadable: false },
        ],
      },
      handlers: [ProvideDocumentsWhenRequestedHandler, DispatchWhenTaxPaidHandler, DispatchWhenPermitIssuedHandler, ConfirmReceiptWhenGoodsReceivedHandler],
      timers: [ExpirePickupWhenWindowEndsTimer],
      providers: [logisticsConfigProvider, HandOverService],
    }),
  ],
})
export class AppModule {}
