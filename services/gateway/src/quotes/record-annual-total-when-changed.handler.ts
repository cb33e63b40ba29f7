// Keeps the gateway's copy of consumers' annual totals in step with tax-permit's ledger: every
// annual-total-changed is kept under the consumer's keyed hash, unless a newer version is there.
import { Inject, Injectable } from '@nestjs/common';
import { AnnualTotalChangedData, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { consumerKeyOf } from './consumer-key.rule';
import { QUOTE_CONFIG, QuoteConfig } from './quote.config';

@Injectable()
export class RecordAnnualTotalWhenChangedHandler implements EventHandler<AnnualTotalChangedData> {
  readonly eventType = TAX_PERMIT_EVENTS.annualTotalChanged;

  constructor(@Inject(QUOTE_CONFIG) private readonly config: QuoteConfig) {}

  async handle(event: CloudEvent<AnnualTotalChangedData>, { manager, log }: HandlerContext): Promise<void> {
    const { consumerIdNumber, quotaYear, total, version } = event.data;
    await manager.query(
      `INSERT INTO consumer_annual_total (consumer_key, quota_year, total, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (consumer_key, quota_year) DO UPDATE SET total = EXCLUDED.total, version = EXCLUDED.version, updated_at = now()
       WHERE consumer_annual_total.version < EXCLUDED.version`,
      [consumerKeyOf(consumerIdNumber, this.config.consumerKeySecret), quotaYear, total, version],
    );
    log.debug({ quotaYear, version }, 'consumer annual total recorded');
  }
}
