// Keeps the gateway's copy of consumers' annual totals in step with tax-permit's ledger: every
// annual-total-changed is kept under the consumer's key, unless a newer version is there. A run
// of them is written with one statement: per consumer and year its newest, which is what the
// run's events one after another would leave.
import { Inject, Injectable } from '@nestjs/common';
import { AnnualTotalChangedData, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { BatchContext, CloudEvent, EventHandler } from '@cbec/messaging';
import { consumerKeyOf } from '@cbec/privacy';
import { CONSUMER_KEY_SECRET } from '@cbec/service-kit';
import { recordAnnualTotals } from './persistence/consumer-annual-total-store';

@Injectable()
export class RecordAnnualTotalWhenChangedHandler implements EventHandler<AnnualTotalChangedData> {
  readonly eventType = TAX_PERMIT_EVENTS.annualTotalChanged;

  constructor(@Inject(CONSUMER_KEY_SECRET) private readonly consumerKeySecret: string) {}

  async handleAll(events: CloudEvent<AnnualTotalChangedData>[], { manager, log }: BatchContext): Promise<void> {
    const totals = events.map(({ data }) => ({ consumerKey: this.consumerKeyIn(data), quotaYear: data.quotaYear, total: data.total, version: data.version }));
    log.debug({ totals: await recordAnnualTotals(manager, totals) }, 'consumer annual totals recorded');
  }

  /** Events published before tax-permit keyed its ledger carry the ID number itself. */
  private consumerKeyIn(data: AnnualTotalChangedData): string {
    return data.consumerKey ?? consumerKeyOf(data.consumerIdNumber!, this.consumerKeySecret);
  }
}
