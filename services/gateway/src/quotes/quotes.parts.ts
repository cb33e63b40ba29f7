// Landed-cost quotes (CONTRACT 7.1): the copy of consumers' annual totals the gateway keeps from
// tax-permit's announcements and its copy of the tariff table (their tables, subscription and
// handlers), and the REST call.
import { TOPICS } from '@cbec/contracts';
import type { Subscription } from '@cbec/messaging';
import { consumerKeySecretProvider } from '@cbec/service-kit';
import { TariffEntryRecord } from '@cbec/tariff-table';
import { CreateConsumerAnnualTotal1764000000900 } from './persistence/migrations/1764000000900-create-consumer-annual-total';
import { ConsumerAnnualTotal } from './persistence/consumer-annual-total.entity';
import { CreateTariffCopy1764000000801 } from './persistence/migrations/1764000000801-create-tariff-copy';
import { QuoteLandedCost } from './quote-landed-cost.service';
import { QuotesController } from './quotes.http.controller';
import { RecordAnnualTotalWhenChangedHandler } from './record-annual-total-when-changed.handler';
import { UpdateTariffCopyWhenChangedHandler } from './update-tariff-copy-when-changed.handler';

/** The outbound translator's subscription already reads tax-permit's topic for this group: none here. */
const subscriptions: Subscription[] = [];

export const QUOTES = {
  entities: [ConsumerAnnualTotal, TariffEntryRecord],
  migrations: [CreateTariffCopy1764000000801, CreateConsumerAnnualTotal1764000000900],
  topics: [TOPICS.taxPermitEvents],
  subscriptions,
  handlers: [RecordAnnualTotalWhenChangedHandler, UpdateTariffCopyWhenChangedHandler],
  providers: [consumerKeySecretProvider, QuoteLandedCost],
  controllers: [QuotesController],
};
