// Landed-cost quotes (CONTRACT 7.1) over REST, from the gateway's copies of the tariff table and of
// consumers' annual totals (kept by the handlers of tax-permit's announcements, which share the
// consumer-key secret exported here).
import { Module } from '@nestjs/common';
import { consumerKeySecretProvider } from '@cbec/service-kit';
import { QuoteLandedCost } from './quote-landed-cost.service';
import { QuotesController } from './quotes.http.controller';

@Module({
  controllers: [QuotesController],
  providers: [consumerKeySecretProvider, QuoteLandedCost],
  exports: [consumerKeySecretProvider],
})
export class QuotesModule {}
