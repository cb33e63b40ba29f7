// The logistics service: documents for model I, waybills, transport, pickup points and codes,
// and the hand-over to the consignee (CONTRACT 4.4); cancellations of released goods and returns
// of delivered ones (CONTRACT 7).
import { Module } from '@nestjs/common';
import { INBOUND_EVENT_TYPES, TOPICS } from '@cbec/contracts';
import { ServiceKitModule } from '@cbec/service-kit';
import { CancelShipmentWhenRequestedHandler } from './cancel-shipment/cancel-shipment-when-requested.handler';
import { logisticsConfigProvider } from './config';
import { ConfirmReceiptWhenGoodsReceivedHandler } from './confirm-receipt/confirm-receipt-when-goods-received.handler';
import { DispatchWhenPickedTimer } from './dispatch/dispatch-when-picked.timer';
import { ExpirePickupWhenWindowEndsTimer } from './expire-pickup/expire-pickup-when-window-ends.timer';
import { DispatchWhenReleasedHandler } from './hand-over/dispatch-when-released.handler';
import { HandOverService } from './hand-over/hand-over.service';
import { CreateShipment1764000000500 } from './persistence/migrations/1764000000500-create-shipment';
import { AddAfterSale1764000000501 } from './persistence/migrations/1764000000501-add-after-sale';
import { AddPickupLockout1764000000502 } from './persistence/migrations/1764000000502-add-pickup-lockout';
import { Shipment } from './persistence/shipment.entity';
import { ShipmentReturn } from './persistence/shipment-return.entity';
import { ProvideDocumentsWhenRequestedHandler } from './provide-documents/provide-documents-when-requested.handler';
import { AcceptReturnWhenRequestedHandler } from './returns/accept-return-when-requested.handler';
import { CompleteReturnWhenReceivedHandler } from './returns/complete-return-when-received.handler';

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
      entities: [Shipment, ShipmentReturn],
      migrations: [CreateShipment1764000000500, AddAfterSale1764000000501, AddPickupLockout1764000000502],
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
      handlers: [
        ProvideDocumentsWhenRequestedHandler,
        DispatchWhenReleasedHandler,
        ConfirmReceiptWhenGoodsReceivedHandler,
        CancelShipmentWhenRequestedHandler,
        AcceptReturnWhenRequestedHandler,
        CompleteReturnWhenReceivedHandler,
      ],
      timers: [ExpirePickupWhenWindowEndsTimer, DispatchWhenPickedTimer],
      providers: [logisticsConfigProvider, HandOverService],
    }),
  ],
})
export class AppModule {}
