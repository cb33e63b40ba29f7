// The Single Window service (CONTRACT 8): builds, signs and keeps the national-standard messages
// of the orders of models I and III (CEB311 order, CEB621 inventory list, CEB623 cancellation,
// CEB625 return), exchanges them with the Single Window's exchange client through two folders in
// `folder` mode, and publishes what customs' receipts say (receipt-recorded), which inspection
// and the gateway's read model follow. Its REST calls are reached through the gateway's port.
import { Module } from '@nestjs/common';
import { TOPICS } from '@cbec/contracts';
import { HttpEdgeModule } from '@cbec/http-edge';
import { consumerKeySecretProvider, ServiceKitModule } from '@cbec/service-kit';
import { SendCancellationWhenCancelledHandler } from './cancel-inventory/send-cancellation-when-cancelled.handler';
import { singleWindowConfigProvider } from './config';
import { SendInventoryListWhenDueHandler } from './declare-inventory/send-inventory-list-when-due.handler';
import { SendOrderMessageWhenConfirmedHandler } from './declare-order/send-order-message-when-confirmed.handler';
import { ExchangeFolders } from './exchange/exchange-folders';
import { ReceiptRecorder } from './exchange/record-receipt';
import { MessagesController } from './http/messages.controller';
import { OpsSingleWindowController } from './http/ops-single-window.controller';
import { Resend } from './http/resend';
import { CustomsMessages } from './messages/customs-messages';
import { CustomsMessage, FailedReceiptFile } from './persistence/customs-message.entity';
import { CustomsOrder } from './persistence/customs-order.entity';
import { CreateSingleWindow1764000003000 } from './persistence/migrations/1764000003000-create-single-window';
import { SendReturnWhenAcceptedHandler } from './refund-inventory/send-return-when-accepted.handler';
import { RecordAssessmentWhenAssessedHandler } from './tax-bill/record-assessment-when-assessed.handler';
import { TaxBills } from './tax-bill/tax-bills';

export const SINGLE_WINDOW_SERVICE = {
  service: 'single-window',
  schema: 'single_window',
  consumerGroup: 'cbec.single-window',
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: SINGLE_WINDOW_SERVICE.service,
      schema: SINGLE_WINDOW_SERVICE.schema,
      entities: [CustomsOrder, CustomsMessage, FailedReceiptFile],
      migrations: [CreateSingleWindow1764000003000],
      topics: [TOPICS.orderEvents, TOPICS.inspectionEvents, TOPICS.taxPermitEvents, TOPICS.logisticsEvents, TOPICS.singleWindowEvents],
      consumer: {
        groupId: SINGLE_WINDOW_SERVICE.consumerGroup,
        // Internal topics: the gateway's translator dead-letters what cannot be read there.
        subscriptions: [TOPICS.orderEvents, TOPICS.inspectionEvents, TOPICS.taxPermitEvents, TOPICS.logisticsEvents].map((topic) => ({ topic, deadLetterUnreadable: false })),
      },
      handlers: [SendOrderMessageWhenConfirmedHandler, SendInventoryListWhenDueHandler, SendCancellationWhenCancelledHandler, SendReturnWhenAcceptedHandler, RecordAssessmentWhenAssessedHandler],
      providers: [singleWindowConfigProvider, consumerKeySecretProvider, CustomsMessages, TaxBills, ReceiptRecorder, ExchangeFolders, Resend],
      controllers: [MessagesController, OpsSingleWindowController],
    }),
    HttpEdgeModule,
  ],
})
export class AppModule {}
