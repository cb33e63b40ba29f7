// Builders for the events a platform sends, so a test says only what matters to it:
// anOrder().bonded().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).build()
import { randomUUID } from 'node:crypto';
import Decimal from 'decimal.js';
import type { ClearanceModel, OrderPlacedData, TaxAssessmentNotice } from '@cbec/contracts';
import { PLATFORM_EVENTS } from '@cbec/contracts';
import { isSampledForReview, residentIdCheckCharacter } from '@cbec/domain';

/** Valid PRC resident IDs (ISO 7064 MOD 11-2 check characters), for distinct consumers. */
export const RESIDENT_IDS = ['11010519491231002X', '330106199003071236', '410102198511204568', '440305197001017894'] as const;

type Item = OrderPlacedData['items'][number];

/** A valid resident ID of a new consumer, so that orders of different tests share no annual quota. */
export function aResidentId(): string {
  const region = String(110000 + Math.floor(Math.random() * 800000));
  const birth = new Date(Date.UTC(1950 + Math.floor(Math.random() * 50), Math.floor(Math.random() * 12), 1 + Math.floor(Math.random() * 28)));
  const date = birth.toISOString().slice(0, 10).replace(/-/g, '');
  const first17 = `${region}${date}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

export class OrderBuilder {
  private readonly data: OrderPlacedData;
  private paymentAmount?: string;

  constructor() {
    const idNumber = aResidentId();
    this.data = {
      platformId: 'tmall-global',
      orderId: `TG${Date.now()}${Math.floor(Math.random() * 1e6)}`,
      clearanceModel: 'DIRECT_MAIL',
      placedAt: '2026-11-11T00:00:01+08:00',
      currency: 'CNY',
      consumer: {
        name: 'Li Wei',
        idType: 'CN_RESIDENT_ID',
        idNumber,
        phone: '+8613800000000',
        address: { province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', line1: '1 Wensan Rd', postalCode: '310000' },
      },
      payment: { provider: 'alipay', transactionId: `PAY-${randomUUID().slice(0, 8)}`, payerName: 'Li Wei', payerIdNumber: idNumber, amount: '0.00', paidAt: '2026-11-11T00:00:05+08:00' },
      logistics: { carrier: 'SF-INTL', waybillNumber: `SF${Date.now()}` },
      items: [],
      freight: '0.00',
      insurance: '0.00',
    };
  }

  model(model: ClearanceModel): this {
    this.data.clearanceModel = model;
    if (model !== 'BONDED_ZONE') delete this.data.bondedZone;
    return this;
  }
  directMail(): this {
    return this.model('DIRECT_MAIL');
  }
  generalTrade(): this {
    return this.model('GENERAL_TRADE');
  }
  bonded(zone = 'HANGZHOU'): this {
    this.data.clearanceModel = 'BONDED_ZONE';
    this.data.bondedZone = zone;
    return this;
  }
  platform(platformId: string): this {
    this.data.platformId = platformId;
    return this;
  }
  id(orderId: string): this {
    this.data.orderId = orderId;
    return this;
  }
  /**
   * An order id that customs' sampling (CONTRACT 4.2 rule 5, a stable hash of the key) does or
   * does not pick at this INSPECTION_SAMPLING_RATE, so one test run can hold some orders for an
   * officer and let others through.
   */
  sampledForReview(rate: number, sampled = true): this {
    const prefix = this.data.orderId;
    for (let i = 0; isSampledForReview(`${this.data.platformId}/${this.data.orderId}`, rate) !== sampled; i++) this.data.orderId = `${prefix}${i}`;
    return this;
  }
  notSampledForReview(rate: number): this {
    return this.sampledForReview(rate, false);
  }
  consumer(idNumber: string, name = this.data.consumer.name): this {
    this.data.consumer = { ...this.data.consumer, idNumber, name };
    this.data.payment = { ...this.data.payment, payerIdNumber: idNumber, payerName: name };
    return this;
  }
  withItem(item: Partial<Item> = {}): this {
    this.data.items.push({ sku: `SKU-${this.data.items.length + 1}`, name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 1, unitPrice: '199.00', originCountry: 'JP', grossWeightKg: '0.12', ...item });
    return this;
  }
  freight(amount: string): this {
    this.data.freight = amount;
    return this;
  }
  insurance(amount: string): this {
    this.data.insurance = amount;
    return this;
  }
  /** Overrides the payment amount (by default goods + freight + insurance). */
  paid(amount: string): this {
    this.paymentAmount = amount;
    return this;
  }
  /** Any last change a test needs (a wrong field, a missing one). */
  with(change: (order: any) => void): this {
    change(this.data);
    return this;
  }

  build(): OrderPlacedData {
    const order = structuredClone(this.data);
    if (order.items.length === 0) order.items.push({ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP', grossWeightKg: '0.12' });
    const goods = order.items.reduce((sum, item) => sum.plus(new Decimal(item.unitPrice).times(item.quantity)), new Decimal(0));
    order.payment.amount = this.paymentAmount ?? goods.plus(order.freight ?? 0).plus(order.insurance ?? 0).toFixed(2);
    return order;
  }
}

export function anOrder(): OrderBuilder {
  return new OrderBuilder();
}

/** A platform's CloudEvent (structured-mode attributes) around some data. */
export function platformEvent<T extends { platformId: string; orderId: string }>(type: string, data: T, id: string = randomUUID()) {
  return {
    specversion: '1.0',
    id,
    source: `https://${data.platformId}.example/orders`,
    type,
    time: new Date().toISOString(),
    subject: `${data.platformId}/${data.orderId}`,
    datacontenttype: 'application/json',
    data,
  };
}

export function orderPlacedEvent(order: OrderPlacedData, id?: string) {
  return platformEvent(PLATFORM_EVENTS.orderPlaced, order, id);
}

/** A tax-assessed notice: the general-trade worked example of CONTRACT 4.3 unless told otherwise. */
export function aTaxAssessmentNotice(patch: Partial<TaxAssessmentNotice> = {}): TaxAssessmentNotice {
  return {
    assessmentId: 'TA-1',
    regime: 'GENERAL_TRADE',
    currency: 'CNY',
    dutiableTotal: '335.00',
    lines: [{ sku: 'WINE-75', dutiableValue: '335.00', duty: '46.90', consumptionTax: '42.43', vat: '55.16' }],
    totals: { duty: '46.90', consumptionTax: '42.43', vat: '55.16', total: '144.49' },
    withheld: false,
    dueBy: '2026-11-14T08:00:00.000Z',
    ...patch,
  };
}
