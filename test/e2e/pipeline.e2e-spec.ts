// The whole pipeline as separate processes on real Kafka and PostgreSQL, driven only through
// cbec.platform.inbound and cbec.platform.outbound, as a platform would drive it.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { HAPPY_PATH, OUTBOUND_EVENTS } from '@cbec/contracts';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import { anOrder, gatewayClient, RunningSystem, startSystem } from '@cbec/testing';
import { verifyMessage } from '@cbec/single-window';
import { OutboundEvent, Platform } from './platform';

const TIMEOUT_MS = 8_000;
const SYSTEM_ENV = {
  QUARANTINE_DURATION_MS: '0',
  PROOF_DUE_MS: String(TIMEOUT_MS),
  TAX_DUE_MS: String(TIMEOUT_MS),
  PICKUP_WINDOW_MS: String(TIMEOUT_MS),
  INSPECTION_SAMPLING_RATE: '0',
  GATEWAY_API_KEYS: 'ops:ops-key-123456,tmall-global:tmall-key-123456',
};
/** SINGLE_WINDOW_MODE is off (the default): messages are built and kept, never written here. */
const SINGLE_WINDOW_DIRS = { out: path.join(os.tmpdir(), `cbec-pipeline-out-${process.pid}`), in: path.join(os.tmpdir(), `cbec-pipeline-in-${process.pid}`) };

describe('clearance pipeline, end to end', () => {
  let system: RunningSystem;
  let platform: Platform;
  const refs: { platformId: string; orderId: string }[] = [];

  beforeAll(async () => {
    system = await startSystem(undefined, { ...SYSTEM_ENV, SINGLE_WINDOW_OUT_DIR: SINGLE_WINDOW_DIRS.out, SINGLE_WINDOW_IN_DIR: SINGLE_WINDOW_DIRS.in }, 4200);
    platform = await Platform.start();
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await system?.stop();
  });

  /** Places an order and remembers it for the ordering check at the end. */
  async function place(builder: ReturnType<typeof anOrder>, id?: string) {
    const order = builder.build();
    refs.push(order);
    await platform.placeOrder(order, id);
    return order;
  }

  async function assessed(ref: { platformId: string; orderId: string }): Promise<OutboundEvent> {
    return platform.waitFor(ref, OUTBOUND_EVENTS.taxAssessed);
  }

  describe('happy paths', () => {
    it('clears a direct-mail order: documents from logistics, withheld retail tax, delivery and signature', async () => {
      const order = await place(anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).freight('20.00').with((o) => delete o.logistics.waybillNumber));
      const tax = await assessed(order);
      expect(tax.data).toMatchObject({ regime: 'CBEC_RETAIL', currency: 'CNY', dutiableTotal: '418.00', withheld: true, totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' } });
      expect(tax.data.lines).toEqual([{ sku: 'SKU-1', dutiableValue: '418.00', duty: '0.00', consumptionTax: '51.64', vat: '44.75' }]);
      const delivery = await platform.waitFor(order, OUTBOUND_EVENTS.outForDelivery);
      expect(delivery.data).toMatchObject({ carrier: 'SF-INTL', waybillNumber: expect.any(String), status: 'OUT_FOR_DELIVERY' });
      await platform.sign(order);
      const completed = await platform.waitFor(order, OUTBOUND_EVENTS.completed);
      expect(completed.data).toMatchObject({ status: 'COMPLETED', declarationNumber: expect.any(String), completedAt: expect.any(String) });
      expect(completed.data.permitNumber).toBeUndefined();
      expect(platform.statusesOf(order)).toEqual(HAPPY_PATH.DIRECT_MAIL.slice(1));

      // With the Single Window off, its messages are still built, signed and kept (CONTRACT 8.1).
      const call = gatewayClient(() => system.urls.gateway);
      const messages = await call('GET', `/v1/clearances/${order.platformId}/${order.orderId}/messages`, 'tmall-key-123456');
      expect(messages.body.map((m: { messageType: string; direction: string }) => `${m.messageType} ${m.direction}`)).toEqual(['CEB311 OUT', 'CEB621 OUT']);
      const list = await call('GET', `/v1/clearances/${order.platformId}/${order.orderId}/messages/${messages.body[1].guid}`, 'tmall-key-123456');
      expect(verifyMessage(list.text)).toEqual({ valid: true });
      expect(list.text).toContain(completed.data.declarationNumber);
      expect((await call('GET', `/v1/clearances/${order.platformId}/${order.orderId}/messages`, 'jd-key-123456')).status).toBe(401);
      for (const dir of Object.values(SINGLE_WINDOW_DIRS)) expect(await fs.readdir(dir).catch(() => [])).toEqual([]);
    });

    it('clears a general-trade order: quarantine, full-rate tax paid by the platform, permit, pickup', async () => {
      const order = await place(anOrder().generalTrade().withItem({ hsCode: '2204210000', name: 'Red wine 750 ml', quantity: 2, unitPrice: '150.00' }).freight('30.00').insurance('5.00'));
      const tax = await assessed(order);
      expect(tax.data).toMatchObject({ regime: 'GENERAL_TRADE', dutiableTotal: '335.00', withheld: false, totals: { duty: '46.90', consumptionTax: '42.43', vat: '55.16', total: '144.49' }, dueBy: expect.any(String) });
      await platform.pay(order, tax.data.assessmentId, '144.49');
      const pickup = await platform.waitFor(order, OUTBOUND_EVENTS.pickupReady);
      expect(pickup.data).toMatchObject({ location: { name: expect.any(String), address: expect.any(String) }, availableFrom: expect.any(String), availableUntil: expect.any(String), pickupCode: expect.stringMatching(/^\d{6}$/) });
      await platform.pickUp(order, pickup.data.pickupCode);
      const completed = await platform.waitFor(order, OUTBOUND_EVENTS.completed);
      expect(completed.data).toMatchObject({ declarationNumber: expect.any(String), permitNumber: expect.any(String) });
      expect(platform.statusesOf(order)).toEqual(['ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'PERMIT_ISSUED', 'IN_TRANSIT', 'READY_FOR_PICKUP', 'COMPLETED']);
    });

    it('clears a bonded-zone order: retail tax paid with the platform, permit, pickup at the zone storage site', async () => {
      const order = await place(anOrder().bonded('HANGZHOU').withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).freight('20.00'));
      const tax = await assessed(order);
      expect(tax.data).toMatchObject({ regime: 'CBEC_RETAIL', withheld: false, totals: { consumptionTax: '51.64', vat: '44.75', total: '96.39' } });
      await platform.pay(order, tax.data.assessmentId, '96.39');
      const pickup = await platform.waitFor(order, OUTBOUND_EVENTS.pickupReady);
      expect(pickup.data.location.name).toMatch(/hangzhou/i);
      await platform.pickUp(order, pickup.data.pickupCode);
      const completed = await platform.waitFor(order, OUTBOUND_EVENTS.completed);
      expect(completed.data.permitNumber).toEqual(expect.any(String));
      expect(platform.statusesOf(order)).toEqual(HAPPY_PATH.BONDED_ZONE.slice(1));
    });
  });

  describe('bonded-zone proof of price and quarantine', () => {
    const cheapCream = () => anOrder().bonded().withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '100.00' });

    it('asks for proof when a price is below half the reference, and approves a proof holding both kinds', async () => {
      const order = await place(cheapCream());
      const request = await platform.waitFor(order, OUTBOUND_EVENTS.proofRequested);
      expect(request.data).toMatchObject({ requestedDocuments: ['INVOICE', 'TRANSACTION_RECORD'], question: expect.any(String), dueBy: expect.any(String) });
      await platform.prove(order, ['INVOICE', 'TRANSACTION_RECORD']);
      await assessed(order);
      expect(platform.statusesOf(order)).toEqual(['ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'APPROVED', 'TAX_ASSESSED']);
    });

    it('rejects a proof missing a requested kind with INSUFFICIENT_PROOF', async () => {
      const order = await place(cheapCream());
      await platform.waitFor(order, OUTBOUND_EVENTS.proofRequested);
      await platform.prove(order, ['INVOICE']);
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
      expect(rejected.data.reasonCode).toBe('INSUFFICIENT_PROOF');
    });

    it('rejects with PROOF_TIMEOUT when no proof comes within PROOF_DUE_MS, within 2 seconds of the due time', async () => {
      const order = await place(cheapCream());
      const request = await platform.waitFor(order, OUTBOUND_EVENTS.proofRequested);
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected, () => true, 30_000);
      expect(rejected.data.reasonCode).toBe('PROOF_TIMEOUT');
      const late = Date.parse(rejected.data.at) - Date.parse(request.data.dueBy);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(2_000);
    });

    it('puts infant formula in a bonded order through quarantine inspection', async () => {
      const order = await place(anOrder().bonded().withItem({ hsCode: '1901101000', name: 'Infant formula 800 g', quantity: 2, unitPrice: '250.00' }));
      await assessed(order);
      expect(platform.statusesOf(order)).toEqual(['ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'APPROVED', 'TAX_ASSESSED']);
    });
  });

  describe('rejections', () => {
    it.each([
      ['prohibited goods', anOrder().generalTrade().withItem({ hsCode: '9303100000', name: 'Hunting rifle' }), 'PROHIBITED_GOODS'],
      ['goods not on the positive list', anOrder().directMail().withItem({ hsCode: '3004900000', name: 'Cold medicine' }), 'NOT_ON_POSITIVE_LIST'],
      ['an unknown HS code', anOrder().bonded().withItem({ hsCode: '9999999999', name: 'Mystery box' }), 'UNKNOWN_HS_CODE'],
      ['a single order above 5000.00 of several items', anOrder().bonded().withItem({ hsCode: '9102110000', name: 'Watch', quantity: 2, unitPrice: '2600.00' }), 'SINGLE_LIMIT_EXCEEDED'],
      ['a payer who is not the consumer', anOrder().with((o) => (o.payment.payerName = 'Wang Fang')), 'IDENTITY_MISMATCH'],
      ['a payment that does not cover the order', anOrder().paid('1.00'), 'PAYMENT_MISMATCH'],
    ])('rejects %s', async (_, builder, reasonCode) => {
      const order = await place(builder);
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
      expect(rejected.data).toMatchObject({ reasonCode, status: 'REJECTED', details: expect.any(Array) });
      const changed = await platform.waitForStatus(order, 'REJECTED');
      expect(changed.data.reasonCode).toBe(reasonCode);
      expect(changed.data.sequence).toBe(rejected.data.sequence - 1);
    });

    it('rejects the order that takes a consumer over the annual limit, across two platforms', async () => {
      const consumer = anOrder().build().consumer.idNumber;
      const first = await place(anOrder().platform('tmall-global').consumer(consumer).bonded().withItem({ hsCode: '9102110000', name: 'Watch', quantity: 1, unitPrice: '20000.00' }));
      const tax = await assessed(first);
      expect(tax.data.regime).toBe('CBEC_RETAIL_FULL_RATE');
      const second = await place(anOrder().platform('jd-worldwide').consumer(consumer).bonded().withItem({ hsCode: '9102110000', name: 'Watch', quantity: 1, unitPrice: '6000.01' }));
      const rejected = await platform.waitFor(second, OUTBOUND_EVENTS.rejected);
      expect(rejected.data.reasonCode).toBe('ANNUAL_LIMIT_EXCEEDED');
    });

    it('refuses a tax payment of the wrong amount, leaves the order waiting, and accepts the right amount', async () => {
      const order = await place(anOrder().bonded().withItem({ quantity: 2, unitPrice: '199.00' }).freight('20.00'));
      const tax = await assessed(order);
      const wrong = await platform.pay(order, tax.data.assessmentId, '96.38');
      const refused = await platform.waitFor(order, OUTBOUND_EVENTS.requestRefused);
      expect(refused.data).toMatchObject({ reasonCode: 'PAYMENT_AMOUNT_MISMATCH', refusedEventId: wrong, status: 'TAX_ASSESSED' });
      await platform.pay(order, tax.data.assessmentId, '96.39');
      await platform.waitForStatus(order, 'PERMIT_ISSUED');
    });

    it('refuses a wrong pickup code and completes with the right one', async () => {
      const order = await place(anOrder().bonded().withItem({ quantity: 1, unitPrice: '199.00' }));
      const tax = await assessed(order);
      await platform.pay(order, tax.data.assessmentId, tax.data.totals.total);
      const pickup = await platform.waitFor(order, OUTBOUND_EVENTS.pickupReady);
      const wrongCode = pickup.data.pickupCode === '000000' ? '111111' : '000000';
      await platform.pickUp(order, wrongCode);
      const refused = await platform.waitFor(order, OUTBOUND_EVENTS.requestRefused);
      expect(refused.data).toMatchObject({ reasonCode: 'PICKUP_CODE_MISMATCH', status: 'READY_FOR_PICKUP' });
      await platform.pickUp(order, pickup.data.pickupCode);
      await platform.waitForStatus(order, 'COMPLETED');
    });

    it('refuses a payment before the tax is assessed with UNEXPECTED_EVENT', async () => {
      const order = await place(anOrder().bonded().withItem({ hsCode: '9999999999' }));
      await platform.waitForStatus(order, 'REJECTED');
      await platform.pay(order, 'TA-none', '1.00');
      const refused = await platform.waitFor(order, OUTBOUND_EVENTS.requestRefused);
      expect(refused.data).toMatchObject({ reasonCode: 'UNEXPECTED_EVENT', status: 'REJECTED' });
    });

    it('rejects with TAX_UNPAID_TIMEOUT when the tax is not paid within TAX_DUE_MS', async () => {
      const order = await place(anOrder().generalTrade().withItem({ hsCode: '8517130000', name: 'Smartphone', unitPrice: '3000.00' }));
      const tax = await assessed(order);
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
      expect(rejected.data.reasonCode).toBe('TAX_UNPAID_TIMEOUT');
      const late = Date.parse(rejected.data.at) - Date.parse(tax.data.dueBy);
      expect(late).toBeGreaterThanOrEqual(0);
      expect(late).toBeLessThan(2_000);
    });

    it('rejects with PICKUP_EXPIRED when nobody picks up within the window', async () => {
      const order = await place(anOrder().bonded().withItem({ quantity: 1, unitPrice: '199.00' }));
      const tax = await assessed(order);
      await platform.pay(order, tax.data.assessmentId, tax.data.totals.total);
      const pickup = await platform.waitFor(order, OUTBOUND_EVENTS.pickupReady);
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
      expect(rejected.data.reasonCode).toBe('PICKUP_EXPIRED');
      expect(Date.parse(rejected.data.at) - Date.parse(pickup.data.availableUntil)).toBeLessThan(2_000);
    });
  });

  describe('duplicates', () => {
    it('changes nothing when every inbound event of an order is sent twice', async () => {
      const builder = anOrder().bonded().withItem({ quantity: 1, unitPrice: '100.00' });
      const order = builder.build();
      refs.push(order);
      const placed = await platform.placeOrder(order);
      await platform.placeOrder(order, placed);
      await platform.placeOrder(JSON.parse(JSON.stringify(order)));
      await platform.waitFor(order, OUTBOUND_EVENTS.proofRequested);
      const proof = await platform.prove(order, ['INVOICE', 'TRANSACTION_RECORD']);
      await platform.prove(order, ['INVOICE', 'TRANSACTION_RECORD'], proof);
      await platform.prove(order, ['INVOICE', 'TRANSACTION_RECORD']);
      const tax = await assessed(order);
      const payment = await platform.pay(order, tax.data.assessmentId, tax.data.totals.total);
      await platform.pay(order, tax.data.assessmentId, tax.data.totals.total, payment);
      await platform.pay(order, tax.data.assessmentId, tax.data.totals.total);
      const pickup = await platform.waitFor(order, OUTBOUND_EVENTS.pickupReady);
      const receipt = await platform.pickUp(order, pickup.data.pickupCode);
      await platform.pickUp(order, pickup.data.pickupCode, receipt);
      await platform.pickUp(order, pickup.data.pickupCode);
      await platform.waitForStatus(order, 'COMPLETED');
      const events = await platform.settled(order);
      expect(events.filter((e) => e.type === OUTBOUND_EVENTS.requestRefused)).toEqual([]);
      expect(platform.statusesOf(order)).toEqual(['ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'PERMIT_ISSUED', 'IN_TRANSIT', 'READY_FOR_PICKUP', 'COMPLETED']);
    });

    it('counts a consumer quota once when an order is sent twice', async () => {
      const consumer = anOrder().build().consumer.idNumber;
      const watch = (price: string) => anOrder().consumer(consumer).bonded().withItem({ hsCode: '9102110000', name: 'Watch', quantity: 1, unitPrice: price });
      const first = watch('15000.00').build();
      refs.push(first);
      await platform.placeOrder(first);
      await platform.placeOrder(first);
      await assessed(first);
      const second = await place(watch('11000.00'));
      const tax = await assessed(second);
      expect(tax.data.regime).toBe('CBEC_RETAIL_FULL_RATE');
    });
  });

  describe('officer decisions (sampling on, long quarantine)', () => {
    beforeAll(async () => {
      await system.restart('inspection', { INSPECTION_SAMPLING_RATE: '1', QUARANTINE_DURATION_MS: '600000' });
    }, 120_000);

    afterAll(async () => {
      await system.restart('inspection', SYSTEM_ENV);
    }, 120_000);

    it('holds a sampled order for review and approves it when the officer releases it', async () => {
      const order = await place(anOrder().directMail().withItem({ hsCode: '6109100000', name: 'T-shirt', unitPrice: '99.00' }));
      await platform.waitForStatus(order, 'HELD_FOR_REVIEW');
      await platform.decide(order, 'RELEASE');
      await assessed(order);
      expect(platform.statusesOf(order).slice(0, 8)).toEqual(['ORDER_CONFIRMED', 'DOCUMENTS_REQUESTED', 'DOCUMENTS_READY', 'DECLARED', 'UNDER_REVIEW', 'HELD_FOR_REVIEW', 'APPROVED', 'TAX_ASSESSED']);
    });

    it('rejects a held order with INSPECTION_FAILED when the officer fails it', async () => {
      const order = await place(anOrder().directMail().withItem({ hsCode: '6109100000', name: 'T-shirt', unitPrice: '99.00' }));
      await platform.waitForStatus(order, 'HELD_FOR_REVIEW');
      await platform.decide(order, 'FAIL');
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
      expect(rejected.data.reasonCode).toBe('INSPECTION_FAILED');
    });

    it('rejects with INSPECTION_FAILED when the officer fails a quarantine', async () => {
      const order = await place(anOrder().generalTrade().withItem({ hsCode: '2204210000', name: 'Red wine 750 ml', quantity: 1, unitPrice: '150.00' }));
      await platform.waitForStatus(order, 'QUARANTINE_INSPECTION');
      await platform.decide(order, 'FAIL');
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
      expect(rejected.data.reasonCode).toBe('INSPECTION_FAILED');
    });
  });

  it('takes one order of each model to COMPLETED for examples/platform.js, a plain kafkajs platform', async () => {
    const script = path.resolve(__dirname, '../../examples/platform.js');
    const { stdout } = await promisify(execFile)(process.execPath, [script], { env: { ...process.env, PLATFORM_ID: 'example-platform' }, timeout: 150_000 });
    expect(stdout).toContain('3 of 3 orders COMPLETED');
  }, 180_000);

  it('numbers every order’s outbound events 1, 2, 3... in arrival order, each status change before its notice', async () => {
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of refs) {
      const events = platform.eventsOf(ref);
      expect(events.length).toBeGreaterThan(0);
      expect(events.map((e) => e.data.sequence)).toEqual(events.map((_, i) => i + 1));
      events.forEach((event, i) => {
        if (event.type !== OUTBOUND_EVENTS.statusChanged && event.type !== OUTBOUND_EVENTS.requestRefused) {
          expect(events[i - 1]).toMatchObject({ type: OUTBOUND_EVENTS.statusChanged, data: { status: event.data.status } });
        }
      });
    }
  });
});
