// The tax-permit service: the tariff table, tax assessment, the consumers' annual ledger,
// payments and import permits (CONTRACT 4.1, 4.3, 4.4); cancellations of assessed orders and the
// quota given back by cancellations and returns (CONTRACT 7).
import { Module } from '@nestjs/common';
import { INBOUND_EVENT_TYPES, TOPICS } from '@cbec/contracts';
import { consumerKeySecretProvider, ServiceKitModule } from '@cbec/service-kit';
import { AnnualLedger } from './annual-quota/annual-ledger';
import { GiveBackQuotaWhenCancelledHandler } from './annual-quota/give-back-quota-when-cancelled.handler';
import { GiveBackQuotaWhenPickupExpiredHandler } from './annual-quota/give-back-quota-when-pickup-expired.handler';
import { GiveBackQuotaWhenReturnedHandler } from './annual-quota/give-back-quota-when-returned.handler';
import { AssessTaxWhenApprovedHandler } from './assess-tax/assess-tax-when-approved.handler';
import { CancelAssessmentWhenRequestedHandler } from './cancel-assessment/cancel-assessment-when-requested.handler';
import { taxPermitConfigProvider } from './config';
import { PermitNumbers } from './issue-permit/permit-numbers';
import { AnnualLedgerRecord, LedgerEntryRecord } from './persistence/annual-ledger.entity';
import { CreateTaxPermit1764000000400 } from './persistence/migrations/1764000000400-create-tax-permit';
import { AddAfterSale1764000000401 } from './persistence/migrations/1764000000401-add-after-sale';
import { KeyLedgerByConsumerKey1764000000402 } from './persistence/migrations/1764000000402-key-ledger-by-consumer-key';
import { AddTariffLegalUnit1764000002000, TariffEntryRecord } from '@cbec/tariff-table';
import { TariffTable } from './persistence/tariff-table';
import { TaxOrder } from './persistence/tax-order.entity';
import { RecordPaymentWhenTaxPaidHandler } from './record-payment/record-payment-when-tax-paid.handler';
import { RejectWhenTaxDueTimer } from './reject-unpaid/reject-when-tax-due.timer';
import { UpsertTariffEntryService } from './upsert-tariff-entry/upsert-tariff-entry.service';
import { UpsertTariffEntryWhenOpsAskHandler } from './upsert-tariff-entry/upsert-tariff-entry-when-ops-ask.handler';

export const TAX_PERMIT_SERVICE = {
  service: 'tax-permit',
  schema: 'tax_permit',
  consumerGroup: 'cbec.tax-permit',
};

@Module({
  imports: [
    ServiceKitModule.forRoot({
      service: TAX_PERMIT_SERVICE.service,
      schema: TAX_PERMIT_SERVICE.schema,
      entities: [TariffEntryRecord, TaxOrder, AnnualLedgerRecord, LedgerEntryRecord],
      migrations: [CreateTaxPermit1764000000400, AddAfterSale1764000000401, KeyLedgerByConsumerKey1764000000402, AddTariffLegalUnit1764000002000],
      topics: [TOPICS.inspectionEvents, TOPICS.platformInbound, TOPICS.logisticsEvents, TOPICS.taxPermitEvents],
      consumer: {
        groupId: TAX_PERMIT_SERVICE.consumerGroup,
        subscriptions: [
          { topic: TOPICS.inspectionEvents },
          // The order service owns the inbound topic's unreadable messages.
          { topic: TOPICS.platformInbound, knownTypes: INBOUND_EVENT_TYPES, deadLetterUnreadable: false },
          { topic: TOPICS.logisticsEvents },
        ],
      },
      handlers: [
        AssessTaxWhenApprovedHandler,
        RecordPaymentWhenTaxPaidHandler,
        GiveBackQuotaWhenPickupExpiredHandler,
        UpsertTariffEntryWhenOpsAskHandler,
        CancelAssessmentWhenRequestedHandler,
        GiveBackQuotaWhenCancelledHandler,
        GiveBackQuotaWhenReturnedHandler,
      ],
      timers: [RejectWhenTaxDueTimer],
      providers: [taxPermitConfigProvider, consumerKeySecretProvider, TariffTable, AnnualLedger, PermitNumbers, UpsertTariffEntryService],
    }),
  ],
})
export class AppModule {}
