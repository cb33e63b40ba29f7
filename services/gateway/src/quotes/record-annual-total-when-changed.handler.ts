// Keeps the gateway's copy of consumers' annual totals in step with tax-permit's ledger: every
// annual-total-changed is kept under the consumer's key, unless a newer version is there.
import { Inject, Injectable } from '@nestjs/common';
import { AnnualTotalChangedData, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { consumerKeyOf } from '@cbec/privacy';
import { CONSUMER_KEY_SECRET } from '@cbec/service-kit';

@Injectable()
export class RecordAnnualTotalWhenChangedHandler implements EventHandler<AnnualTotalChangedData> {
  readonly eventType = TAX_PERMIT_EVENTS.annualTotalChanged;

  constructor(@Inject(CONSUMER_KEY_SECRET) private readonly consumerKeySecret: string) {}

  async handle(event: CloudEvent<AnnualTotalChangedData>, { manager, log }: HandlerContext): Promise<void> {
    const { quotaYear, total, version } = event.data;
    await manager.query(
      `INSERT INTO consumer_annual_total (consumer_key, quota_year, total, version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (consumer_key, quota_year) DO UPDATE SET total = EXCLUDED.total, version = EXCLUDED.version, updated_at = now()
       WHERE consumer_annual_total.version < EXCLUDED.version`,
      [this.consumerKeyIn(event.data), quotaYear, total, version],
    );
    log.debug({ quotaYear, version }, 'consumer annual total recorded');
  }

  /** Events published before tax-permit keyed its ledger carry the ID number itself. */
  private consumerKeyIn(data: AnnualTotalChangedData): string {
    return data.consumerKey ?? consumerKeyOf(data.consumerIdNumber!, this.consumerKeySecret);
  }
}
