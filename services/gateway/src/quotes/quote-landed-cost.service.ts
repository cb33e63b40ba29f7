// POST /v1/quotes (CONTRACT 7.1): libs/domain's quoteLandedCost on the gateway's tariff copy and,
// when the quote names a consumer, their annual total as tax-permit last announced it (this year,
// China time). Two reads, no write.
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { QuoteRequestData } from '@cbec/contracts';
import { LandedCostQuote, quoteLandedCost, quotaYear, toMoney } from '@cbec/domain';
import { readTariff } from '@cbec/tariff-table';
import { consumerKeyOf } from '@cbec/privacy';
import { CONSUMER_KEY_SECRET } from '@cbec/service-kit';
import { ConsumerAnnualTotal } from './persistence/consumer-annual-total.entity';

@Injectable()
export class QuoteLandedCost {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(CONSUMER_KEY_SECRET) private readonly consumerKeySecret: string,
  ) {}

  async quote(request: QuoteRequestData, now = new Date()): Promise<LandedCostQuote> {
    const [tariff, annualTotalBefore] = await Promise.all([readTariff(this.dataSource.manager), request.consumer ? this.annualTotalOf(request.consumer.idNumber, now) : undefined]);
    return quoteLandedCost({
      model: request.clearanceModel,
      currency: request.currency,
      items: request.items,
      freight: request.freight ?? '0.00',
      insurance: request.insurance ?? '0.00',
      tariff,
      annualTotalBefore,
    });
  }

  private async annualTotalOf(idNumber: string, now: Date): Promise<string> {
    const row = await this.dataSource.getRepository(ConsumerAnnualTotal).findOneBy({ consumerKey: consumerKeyOf(idNumber, this.consumerKeySecret), quotaYear: quotaYear(now.toISOString()) });
    return toMoney(row?.total ?? '0');
  }
}
