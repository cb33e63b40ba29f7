// The inspection service: customs review, quarantine, proof of price, sampling and officer
// decisions (CONTRACT 4.2), on its own copy of the tariff table.
import { Module } from '@nestjs/common';
import { INBOUND_EVENT_TYPES, TOPICS } from '@cbec/contracts';
import { ServiceKitModule } from '@cbec/service-kit';
import { CancelReviewWhenRequestedHandler } from './cancel-review/cancel-review-when-requested.handler';
import { inspectionConfigProvider } from './config';
import { FollowCustomsWhenReceiptRecordedHandler } from './customs-receipt/follow-customs-when-receipt-recorded.handler';
import { DecideInspectionWhenOfficerDecidesHandler } from './officer-decision/decide-inspection-when-officer-decides.handler';
import { Inspection } from './persistence/inspection.entity';
import { CreateInspection1764000000300 } from './persistence/migrations/1764000000300-create-inspection';
import { CreateTariffCopy1764000000301 } from './persistence/migrations/1764000000301-create-tariff-copy';
import { AddCancellation1764000000302 } from './persistence/migrations/1764000000302-add-cancellation';
import { AddTariffLegalUnit1764000002000, TariffEntryRecord, UpdateTariffCopyWhenChangedHandler } from '@cbec/tariff-table';
import { ReceiveProofWhenSubmittedHandler } from './proof/receive-proof-when-submitted.handler';
import { RejectWhenProofOverdueTimer } from './proof/reject-when-proof-overdue.timer';
import { PassQuarantineWhenDueTimer } from './quarantine/pass-quarantine-when-due.timer';
import { ReviewProgression } from './review/review-progression';
import { StartReviewWhenDeclaredHandler } from './review/start-review-when-declared.handler';


export const INSPECTION_SERVICE = {
  service: 'inspection',
  schema: 'inspection',
  consumerGroup: 'cbec.inspection',
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: INSPECTION_SERVICE.service,
      schema: INSPECTION_SERVICE.schema,
      entities: [Inspection, TariffEntryRecord],
      migrations: [CreateInspection1764000000300, CreateTariffCopy1764000000301, AddCancellation1764000000302, AddTariffLegalUnit1764000002000],
      topics: [TOPICS.declarationEvents, TOPICS.platformInbound, TOPICS.taxPermitEvents, TOPICS.opsCommands, TOPICS.inspectionEvents, TOPICS.singleWindowEvents],
      consumer: {
        groupId: INSPECTION_SERVICE.consumerGroup,
        subscriptions: [
          { topic: TOPICS.declarationEvents },
          // The order service owns the inbound topic's unreadable messages.
          { topic: TOPICS.platformInbound, knownTypes: INBOUND_EVENT_TYPES, deadLetterUnreadable: false },
          { topic: TOPICS.taxPermitEvents },
          { topic: TOPICS.opsCommands },
          // The Single Window service's receipts (CONTRACT 8.4); it owns what cannot be read there.
          { topic: TOPICS.singleWindowEvents, deadLetterUnreadable: false },
        ],
      },
      handlers: [
        StartReviewWhenDeclaredHandler,
        ReceiveProofWhenSubmittedHandler,
        DecideInspectionWhenOfficerDecidesHandler,
        UpdateTariffCopyWhenChangedHandler,
        CancelReviewWhenRequestedHandler,
        FollowCustomsWhenReceiptRecordedHandler,
      ],
      timers: [PassQuarantineWhenDueTimer, RejectWhenProofOverdueTimer],
      providers: [inspectionConfigProvider, ReviewProgression],
    }),
  ],
})
export class AppModule {}
