// Keeps the gateway's copy of consumers' annual totals in step with tax-permit's ledger: every
// annual-total-changed is kept under the consumer's key, unless a newer version is there. A run
// of them is written with one statement: per consumer and year its newest, which is what the
// run's events one after another would leave.
import { Inject, Injectable } from '@nestjs/common';
import { AnnualTotalChangedData, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { consumerKeyOf } from '@cbec/privacy';
import { CONSUMER_KEY_SECRET } from '@cbec/service-kit';

@Injectable()
export class RecordAnnualTotalWhenChangedHandler implements EventHandler<AnnualTotalChangedData> {
  readonly eventType = TAX_PERMIT_EVENTS.annualTotalChanged;

  constructor(@Inject(CONSUMER_KEY_SECRET) private readonly consumerKeySecret: string) {}

  handle(event: CloudEvent<AnnualTotalChangedData>, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent<AnnualTotalChangedData>[], { manager, log }: BatchContext): Promise<void> {
    const newest = new Map<string, { consumerKey: string; quotaYear: number; total: string; version: number }>();
    for (const { data } of events) {
      const total = { consumerKey: this.consumerKeyIn(data), quotaYear: data.quotaYear, total: data.total, version: data.version };
      const key = JSON.stringify([total.consumerKey, total.quotaYear]);
      const known = newest.get(key);
      if (!known || known.version < total.version) newest.set(key, total);
    }
    const totals = [...newest.values()];
    await manager.query(
      `INSERT INTO consumer_annual_total (consumer_key, quota_year, total, version) SELECT * FROM unnest($1::text[], $2::int[], $3::numeric[], $4::int[])
       ON CONFLICT (consumer_key, quota_year) DO UPDATE SET total = EXCLUDED.total, version = EXCLUDED.version, updated_at = now()
       WHERE consumer_annual_total.version < EXCLUDED.version`,
      [totals.map((t) => t.consumerKey), totals.map((t) => t.quotaYear), totals.map((t) => t.total), totals.map((t) => t.version)],
    );
    log.debug({ totals: totals.length }, 'consumer annual totals recorded');
  }

  /** Events published before tax-permit keyed its ledger carry the ID number itself. */
  private consumerKeyIn(data: AnnualTotalChangedData): string {
    return data.consumerKey ?? consumerKeyOf(data.consumerIdNumber!, this.consumerKeySecret);
  }
}
