// The platform side of the REST gateway, end to end, with every service as its own process on real
// Kafka and PostgreSQL, driven over HTTP as a platform integrator would: orders of each model to
// COMPLETED over REST alone, the same view for an order placed over Kafka, isolation between
// platforms, validation of every field rule, and the read model rebuilt from the topics.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { DECLARATION_EVENTS, HAPPY_PATH, INSPECTION_EVENTS, LOGISTICS_EVENTS, ORDER_EVENTS, OrderPlacedData, PLATFORM_EVENTS, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { Client } from 'pg';
import { anOrder, RunningSystem, startSystem, gatewayClient, GatewayReply } from '@cbec/testing';
import { Platform } from './platform';

const OPS_KEY = 'ops-key-123456';
const TMALL_KEY = 'tmall-key-123456';
const JD_KEY = 'jd-key-123456';
const GENEROUS_MS = String(10 * 60_000);
const SYSTEM_ENV = {
  GATEWAY_API_KEYS: `ops:${OPS_KEY},tmall-global:${TMALL_KEY},jd-worldwide:${JD_KEY}`,
  QUARANTINE_DURATION_MS: '0',
  INSPECTION_SAMPLING_RATE: '0',
  PROOF_DUE_MS: GENEROUS_MS,
  TAX_DUE_MS: GENEROUS_MS,
  PICKUP_WINDOW_MS: GENEROUS_MS,
};
const ROOT = path.resolve(__dirname, '../..');
const FLOW_TIMEOUT_MS = 180_000;

type Ref = { platformId: string; orderId: string };
type Reply = GatewayReply;
type Step = [type: string, service: string, status?: string, customsCode?: number];

describe('gateway REST: orders and clearances over HTTP', () => {
  let system: RunningSystem;
  let platform: Platform;
  /** The REST twin of the order placed over Kafka. */
  let directMailOverRest: any;

  beforeAll(async () => {
    system = await startSystem(undefined, SYSTEM_ENV, 4400);
    platform = await Platform.start();
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    await system?.stop();
  });

  const api = gatewayClient(() => system.urls.gateway);

  const self = (ref: Ref) => `/v1/clearances/${ref.platformId}/${ref.orderId}`;
  const view = async (ref: Ref, key = TMALL_KEY) => (await api('GET', self(ref), key)).body;

  /** Polls the view until it matches; a timeout names the status it was stuck at. */
  async function viewWhen(ref: Ref, match: (view: any) => boolean, what: string, key = TMALL_KEY, timeoutMs = 60_000): Promise<any> {
    const deadline = Date.now() + timeoutMs;
    let last: any;
    for (;;) {
      last = await view(ref, key);
      if (last && match(last)) return last;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} of ${ref.orderId}; last seen ${last?.status} ${last?.reasonCode ?? ''} after ${(last?.timeline ?? []).map((e: any) => e.type).join(', ')}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  const statusOf = (ref: Ref, status: string, key = TMALL_KEY) => viewWhen(ref, (v) => v.status === status, status, key);

  async function placeOverRest(order: OrderPlacedData, key = TMALL_KEY): Promise<Ref> {
    const reply = await api('POST', '/v1/orders', key, order);
    expect(reply).toMatchObject({ status: 202, body: { platformId: order.platformId, orderId: order.orderId, status: 'RECEIVED', links: { self: self(order) } } });
    return { platformId: order.platformId, orderId: order.orderId };
  }

  const steps = (v: any): Step[] => v.timeline.map((e: any) => [e.type, e.service, ...(e.status || e.customsCode ? [e.status, ...(e.customsCode ? [e.customsCode] : [])] : [])] as Step);
  const signature = { receivedBy: 'Li Wei', receivedAt: '2026-11-15T10:00:00+08:00', method: 'SIGNATURE' };
  const pickupWith = (pickupCode: string) => ({ receivedBy: 'Li Wei', receivedAt: '2026-11-15T10:00:00+08:00', method: 'PICKUP', pickupCode });
  const payment = (assessment: any, amount = assessment.totals.total) => ({ assessmentId: assessment.assessmentId, amount, paymentReference: `PAY-TAX-${assessment.assessmentId}`, paidAt: '2026-11-12T10:00:00+08:00' });

  describe('an order of each model to COMPLETED over REST alone', () => {
    const directMail = () => anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).freight('20.00').with((o) => delete o.logistics.waybillNumber);

    it(
      'clears a direct-mail order: withheld tax, delivery, signature',
      async () => {
        const order = await placeOverRest(directMail().build());
        const first = await api('GET', self(order), TMALL_KEY);
        expect(first.status).toBe(200);
        expect(first.body.timeline[0]).toEqual({ type: PLATFORM_EVENTS.orderPlaced, status: 'RECEIVED', at: expect.any(String), service: 'gateway' });

        const delivering = await statusOf(order, 'OUT_FOR_DELIVERY');
        expect(delivering.delivery).toEqual({ carrier: 'SF-INTL', waybillNumber: expect.any(String) });
        expect(delivering.taxAssessment).toMatchObject({ regime: 'CBEC_RETAIL', currency: 'CNY', dutiableTotal: '418.00', withheld: true, totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' } });
        expect(delivering.taxAssessment.lines).toEqual([{ sku: 'SKU-1', dutiableValue: '418.00', duty: '0.00', consumptionTax: '51.64', vat: '44.75' }]);

        const receipt = await api('POST', `${self(order)}/receipt`, TMALL_KEY, signature);
        expect(receipt).toMatchObject({ status: 202, body: { eventId: expect.any(String), status: 'OUT_FOR_DELIVERY' } });

        const completed = await statusOf(order, 'COMPLETED');
        expect(completed).toMatchObject({ clearanceModel: 'DIRECT_MAIL', declarationNumber: expect.any(String) });
        expect(completed).not.toHaveProperty('permitNumber');
        expect(completed).not.toHaveProperty('pickup');
        expect(steps(completed)).toEqual([
          [PLATFORM_EVENTS.orderPlaced, 'gateway', 'RECEIVED'],
          [ORDER_EVENTS.orderConfirmed, 'order', 'ORDER_CONFIRMED'],
          [DECLARATION_EVENTS.documentsRequested, 'declaration', 'DOCUMENTS_REQUESTED'],
          [LOGISTICS_EVENTS.documentsProvided, 'logistics', 'DOCUMENTS_READY'],
          [DECLARATION_EVENTS.declarationSubmitted, 'declaration', 'DECLARED', 120],
          [INSPECTION_EVENTS.reviewStarted, 'inspection', 'UNDER_REVIEW', 120],
          [INSPECTION_EVENTS.approved, 'inspection', 'APPROVED', 800],
          [TAX_PERMIT_EVENTS.taxAssessed, 'tax-permit', 'TAX_ASSESSED'],
          [TAX_PERMIT_EVENTS.taxPaid, 'tax-permit', 'TAX_PAID'],
          [LOGISTICS_EVENTS.dispatched, 'logistics', 'IN_TRANSIT'],
          [LOGISTICS_EVENTS.outForDelivery, 'logistics', 'OUT_FOR_DELIVERY'],
          [PLATFORM_EVENTS.goodsReceived, 'gateway'],
          [LOGISTICS_EVENTS.delivered, 'logistics', 'COMPLETED', 899],
        ]);
        expect(completed.timeline.filter((e: any) => e.status).map((e: any) => e.status)).toEqual(HAPPY_PATH.DIRECT_MAIL);
        directMailOverRest = completed;
      },
      FLOW_TIMEOUT_MS,
    );

    it(
      'clears a general-trade order: quarantine, a refused payment then the right one, permit, pickup with the code of the view',
      async () => {
        const order = await placeOverRest(anOrder().generalTrade().withItem({ hsCode: '2204210000', name: 'Red wine 750 ml', quantity: 2, unitPrice: '150.00' }).freight('30.00').insurance('5.00').build());
        const assessed = await statusOf(order, 'TAX_ASSESSED');
        expect(assessed.taxAssessment).toMatchObject({ regime: 'GENERAL_TRADE', dutiableTotal: '335.00', withheld: false, totals: { duty: '46.90', consumptionTax: '42.43', vat: '55.16', total: '144.49' }, dueBy: expect.any(String) });

        const wrong = await api('POST', `${self(order)}/payments`, TMALL_KEY, payment(assessed.taxAssessment, '1.00'));
        expect(wrong).toMatchObject({ status: 202, body: { status: 'TAX_ASSESSED' } });
        const refused = await viewWhen(order, (v) => v.timeline.some((e: any) => e.type === TAX_PERMIT_EVENTS.requestRefused), 'the refusal of the wrong payment');
        expect(refused.status).toBe('TAX_ASSESSED');
        expect(refused.timeline.at(-1)).toEqual({ type: TAX_PERMIT_EVENTS.requestRefused, at: expect.any(String), service: 'tax-permit', reasonCode: 'PAYMENT_AMOUNT_MISMATCH' });

        expect((await api('POST', `${self(order)}/payments`, TMALL_KEY, payment(assessed.taxAssessment))).status).toBe(202);
        const ready = await statusOf(order, 'READY_FOR_PICKUP');
        expect(ready.permitNumber).toEqual(expect.any(String));
        expect(ready.pickup).toEqual({ location: { name: expect.any(String), address: expect.any(String) }, availableFrom: expect.any(String), availableUntil: expect.any(String), pickupCode: expect.stringMatching(/^\d{6}$/) });

        expect((await api('POST', `${self(order)}/receipt`, TMALL_KEY, pickupWith(ready.pickup.pickupCode))).status).toBe(202);
        const completed = await statusOf(order, 'COMPLETED');
        expect(completed).toMatchObject({ clearanceModel: 'GENERAL_TRADE', declarationNumber: expect.any(String), permitNumber: ready.permitNumber });
        expect(steps(completed)).toEqual([
          [PLATFORM_EVENTS.orderPlaced, 'gateway', 'RECEIVED'],
          [ORDER_EVENTS.orderConfirmed, 'order', 'ORDER_CONFIRMED'],
          [DECLARATION_EVENTS.declarationSubmitted, 'declaration', 'DECLARED', 120],
          [INSPECTION_EVENTS.reviewStarted, 'inspection', 'UNDER_REVIEW', 120],
          [INSPECTION_EVENTS.quarantineStarted, 'inspection', 'QUARANTINE_INSPECTION', 500],
          [INSPECTION_EVENTS.approved, 'inspection', 'APPROVED', 800],
          [TAX_PERMIT_EVENTS.taxAssessed, 'tax-permit', 'TAX_ASSESSED'],
          [PLATFORM_EVENTS.taxPaid, 'gateway'],
          [TAX_PERMIT_EVENTS.requestRefused, 'tax-permit'],
          [PLATFORM_EVENTS.taxPaid, 'gateway'],
          [TAX_PERMIT_EVENTS.taxPaid, 'tax-permit', 'TAX_PAID'],
          [TAX_PERMIT_EVENTS.permitIssued, 'tax-permit', 'PERMIT_ISSUED'],
          [LOGISTICS_EVENTS.dispatched, 'logistics', 'IN_TRANSIT'],
          [LOGISTICS_EVENTS.readyForPickup, 'logistics', 'READY_FOR_PICKUP'],
          [PLATFORM_EVENTS.goodsReceived, 'gateway'],
          [LOGISTICS_EVENTS.delivered, 'logistics', 'COMPLETED', 899],
        ]);
      },
      FLOW_TIMEOUT_MS,
    );

    it(
      'clears a bonded-zone order priced below half the reference: proof over REST, payment, pickup at the zone',
      async () => {
        const order = await placeOverRest(anOrder().bonded('HANGZHOU').withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '100.00' }).build());
        await statusOf(order, 'PROOF_REQUESTED');
        const documents = ['INVOICE', 'TRANSACTION_RECORD'].map((kind) => ({ kind, fileName: `${kind.toLowerCase()}.pdf`, sha256: 'b'.repeat(64) }));
        expect(await api('POST', `${self(order)}/proofs`, TMALL_KEY, { documents, note: 'as requested' })).toMatchObject({ status: 202, body: { status: 'PROOF_REQUESTED' } });

        const assessed = await statusOf(order, 'TAX_ASSESSED');
        expect(assessed.taxAssessment).toMatchObject({ regime: 'CBEC_RETAIL', withheld: false });
        expect((await api('POST', `${self(order)}/payments`, TMALL_KEY, { ...order, ...payment(assessed.taxAssessment) })).status).toBe(202);
        const ready = await statusOf(order, 'READY_FOR_PICKUP');
        expect(ready.pickup.location.name).toMatch(/hangzhou/i);
        expect((await api('POST', `${self(order)}/receipt`, TMALL_KEY, pickupWith(ready.pickup.pickupCode))).status).toBe(202);

        const completed = await statusOf(order, 'COMPLETED');
        expect(completed).toMatchObject({ clearanceModel: 'BONDED_ZONE', declarationNumber: expect.any(String), permitNumber: expect.any(String) });
        expect(steps(completed)).toEqual([
          [PLATFORM_EVENTS.orderPlaced, 'gateway', 'RECEIVED'],
          [ORDER_EVENTS.orderConfirmed, 'order', 'ORDER_CONFIRMED'],
          [DECLARATION_EVENTS.declarationSubmitted, 'declaration', 'DECLARED', 120],
          [INSPECTION_EVENTS.reviewStarted, 'inspection', 'UNDER_REVIEW', 120],
          [INSPECTION_EVENTS.proofRequested, 'inspection', 'PROOF_REQUESTED', 300],
          [PLATFORM_EVENTS.proofSubmitted, 'gateway'],
          [INSPECTION_EVENTS.proofReceived, 'inspection', 'PROOF_SUBMITTED'],
          [INSPECTION_EVENTS.approved, 'inspection', 'APPROVED', 800],
          [TAX_PERMIT_EVENTS.taxAssessed, 'tax-permit', 'TAX_ASSESSED'],
          [PLATFORM_EVENTS.taxPaid, 'gateway'],
          [TAX_PERMIT_EVENTS.taxPaid, 'tax-permit', 'TAX_PAID'],
          [TAX_PERMIT_EVENTS.permitIssued, 'tax-permit', 'PERMIT_ISSUED'],
          [LOGISTICS_EVENTS.dispatched, 'logistics', 'IN_TRANSIT'],
          [LOGISTICS_EVENTS.readyForPickup, 'logistics', 'READY_FOR_PICKUP'],
          [PLATFORM_EVENTS.goodsReceived, 'gateway'],
          [LOGISTICS_EVENTS.delivered, 'logistics', 'COMPLETED', 899],
        ]);
      },
      FLOW_TIMEOUT_MS,
    );

    it(
      'shows an order placed over Kafka with the same view as the same order placed over REST',
      async () => {
        expect(directMailOverRest).toBeDefined();
        const order = directMail().build();
        await platform.placeOrder(order);
        await statusOf(order, 'OUT_FOR_DELIVERY');
        await platform.sign(order);
        const overKafka = await statusOf(order, 'COMPLETED');
        expect(comparable(overKafka)).toEqual(comparable(directMailOverRest));
      },
      FLOW_TIMEOUT_MS,
    );
  });

  /** A view without what differs from order to order (ids, numbers, times). */
  function comparable(v: any) {
    const { orderId, createdAt, updatedAt, declarationNumber, taxAssessment, delivery, timeline, ...rest } = v;
    return {
      ...rest,
      keys: Object.keys(v).sort(),
      orderId: typeof orderId,
      createdAt: typeof createdAt,
      updatedAt: typeof updatedAt,
      declarationNumber: typeof declarationNumber,
      taxAssessment: { ...taxAssessment, assessmentId: typeof taxAssessment.assessmentId },
      delivery: { ...delivery, waybillNumber: typeof delivery.waybillNumber },
      timeline: timeline.map(({ at, ...entry }: any) => ({ ...entry, at: typeof at })),
    };
  }

  describe('isolation: a platform sees and acts on its own orders only', () => {
    let tmallOrder: Ref;

    beforeAll(async () => {
      tmallOrder = await placeOverRest(anOrder().platform('tmall-global').generalTrade().withItem({ hsCode: '8517130000', name: 'Smartphone', quantity: 1, unitPrice: '999.00' }).build());
    });

    it('answers 404 to another platform reading the order, and 200 to its own platform and to ops', async () => {
      expect(await api('GET', self(tmallOrder), JD_KEY)).toMatchObject({ status: 404, body: { error: expect.any(String), details: [] } });
      expect((await api('GET', self(tmallOrder), TMALL_KEY)).status).toBe(200);
      expect((await api('GET', self(tmallOrder), OPS_KEY)).status).toBe(200);
    });

    it('leaves the order out of another platform\'s list, even when it asks for that platform', async () => {
      const own = await api('GET', '/v1/clearances?limit=200', JD_KEY);
      expect(own.status).toBe(200);
      expect(own.body.items.every((item: any) => item.platformId === 'jd-worldwide')).toBe(true);
      expect(await api('GET', '/v1/clearances?platformId=tmall-global', JD_KEY)).toMatchObject({ status: 200, body: { items: [], nextCursor: null } });
      const tmall = await api('GET', '/v1/clearances?limit=200', TMALL_KEY);
      expect(tmall.body.items.map((item: any) => item.orderId)).toContain(tmallOrder.orderId);
    });

    it.each(['proofs', 'payments', 'receipt'])('answers 404 to another platform posting %s for the order', async (request) => {
      const body = { proofs: { documents: [{ kind: 'INVOICE', fileName: 'i.pdf', sha256: 'c'.repeat(64) }] }, payments: { assessmentId: 'TA-1', amount: '1.00', paymentReference: 'R', paidAt: '2026-11-12T10:00:00+08:00' }, receipt: signature }[request];
      expect(await api('POST', `${self(tmallOrder)}/${request}`, JD_KEY, body)).toMatchObject({ status: 404, body: { error: expect.any(String), details: [] } });
    });

    it.each([
      ['no key', undefined],
      ['an unknown key', 'not-a-key-at-all'],
    ])('answers 401 to %s', async (_, key) => {
      for (const [method, path] of [['GET', self(tmallOrder)], ['GET', '/v1/clearances'], ['POST', '/v1/orders'], ['POST', `${self(tmallOrder)}/receipt`]]) {
        const reply = await api(method, path, key, method === 'POST' ? {} : undefined);
        expect([path, reply.status, reply.body]).toEqual([path, 401, { error: expect.any(String), details: [] }]);
      }
    });

    it('answers 401 to a key that is not a bearer key', async () => {
      const response = await fetch(`${system.urls.gateway}${self(tmallOrder)}`, { headers: { authorization: `Basic ${TMALL_KEY}` } });
      expect(response.status).toBe(401);
    });

    it('answers 403 to a platform submitting another platform\'s order, and lets ops submit for any platform', async () => {
      const order = anOrder().platform('jd-worldwide').build();
      expect(await api('POST', '/v1/orders', TMALL_KEY, order)).toMatchObject({ status: 403, body: { error: expect.any(String), details: [{ field: 'platformId', message: expect.any(String) }] } });
      expect((await api('GET', self(order), OPS_KEY)).status).toBe(404);
      await placeOverRest(order, OPS_KEY);
      expect((await api('GET', self(order), JD_KEY)).status).toBe(200);
    });
  });

  describe('validation', () => {
    const valid = () => anOrder().generalTrade().withItem({ hsCode: '8517130000', name: 'Smartphone', quantity: 1, unitPrice: '999.00' });
    /** A valid order with one change made after it is built (the builder would repair some of them). */
    const validWith = (change: (order: any) => void): OrderPlacedData => {
      const order = valid().build();
      change(order);
      return order;
    };

    it.each<[string, (order: any) => void, string?]>([
      ['platformId', (o) => (o.platformId = 'tmall global'), OPS_KEY],
      ['orderId', (o) => delete o.orderId],
      ['orderId', (o) => (o.orderId = 'TG/1')],
      ['clearanceModel', (o) => (o.clearanceModel = 'EXPRESS')],
      ['placedAt', (o) => (o.placedAt = '2026-11-11 00:00:01')],
      ['placedAt', (o) => (o.placedAt = '2026-11-11T00:00:01')],
      ['currency', (o) => (o.currency = 'YUAN')],
      ['consumer.name', (o) => (o.consumer.name = '')],
      ['consumer.idType', (o) => (o.consumer.idType = 'PASSPORT')],
      ['consumer.idNumber', (o) => (o.consumer.idNumber = '1101051949123100')],
      ['consumer.idNumber', (o) => (o.consumer.idNumber = o.payment.payerIdNumber = '110105194912310021')],
      ['consumer.phone', (o) => (o.consumer.phone = 'call me')],
      ['consumer.address.province', (o) => delete o.consumer.address.province],
      ['consumer.address.postalCode', (o) => (o.consumer.address.postalCode = '31000')],
      ['payment.provider', (o) => (o.payment.provider = '')],
      ['payment.payerIdNumber', (o) => delete o.payment.payerIdNumber],
      ['payment.amount', (o) => (o.payment.amount = '999.001')],
      ['payment.amount', (o) => (o.payment.amount = 999)],
      ['payment.paidAt', (o) => (o.payment.paidAt = 'soon')],
      ['logistics.carrier', (o) => delete o.logistics.carrier],
      ['logistics.waybillNumber', (o) => delete o.logistics.waybillNumber],
      ['bondedZone', (o) => (o.clearanceModel = 'BONDED_ZONE')],
      ['bondedZone', (o) => Object.assign(o, { clearanceModel: 'BONDED_ZONE', bondedZone: 'SHANGHAI' })],
      ['items', (o) => (o.items = [])],
      ['items', (o) => delete o.items],
      ['items[0].sku', (o) => delete o.items[0].sku],
      ['items[0].hsCode', (o) => (o.items[0].hsCode = '851713')],
      ['items[0].quantity', (o) => (o.items[0].quantity = 0)],
      ['items[0].quantity', (o) => (o.items[0].quantity = 1.5)],
      ['items[0].unitPrice', (o) => (o.items[0].unitPrice = '0.00')],
      ['items[0].unitPrice', (o) => (o.items[0].unitPrice = 999)],
      ['items[0].originCountry', (o) => (o.items[0].originCountry = 'jp')],
      ['items[0].grossWeightKg', (o) => (o.items[0].grossWeightKg = 'heavy')],
      ['freight', (o) => (o.freight = '-1.00')],
      ['insurance', (o) => (o.insurance = '0.001')],
    ])('answers 400 naming %s %#', async (field, change, key = TMALL_KEY) => {
      const reply = await api('POST', '/v1/orders', key, validWith(change));
      expect(reply.status).toBe(400);
      expect(reply.body).toEqual({ error: expect.any(String), details: expect.arrayContaining([expect.objectContaining({ field, message: expect.any(String) })]) });
    });

    it('names every bad field at once, and keeps nothing of a refused order', async () => {
      const order = validWith((o) => Object.assign(o, { currency: 'YUAN', freight: 'free' }));
      const reply = await api('POST', '/v1/orders', TMALL_KEY, order);
      expect(reply.body.details.map((d: any) => d.field).sort()).toEqual(['currency', 'freight']);
      expect((await api('GET', self(order), TMALL_KEY)).status).toBe(404);
    });

    it('answers 400 to a body that is not an object', async () => {
      expect(await api('POST', '/v1/orders', TMALL_KEY, [valid().build()])).toMatchObject({ status: 400, body: { error: expect.any(String), details: expect.any(Array) } });
    });

    it.each([
      ['an unsupported currency', (o: any) => (o.currency = 'USD'), 'UNSUPPORTED_CURRENCY'],
      ['a payer who is not the consumer', (o: any) => (o.payment.payerName = 'Wang Fang'), 'IDENTITY_MISMATCH'],
      ['a payment that does not cover the order', (o: any) => (o.payment.amount = '1.00'), 'PAYMENT_MISMATCH'],
    ])('accepts %s (a business answer, as on Kafka) and shows the rejection in the view', async (_, change, reasonCode) => {
      const order = await placeOverRest(validWith(change));
      const rejected = await statusOf(order, 'REJECTED');
      expect(rejected).toMatchObject({ reasonCode });
      expect(rejected.timeline.at(-1)).toMatchObject({ type: ORDER_EVENTS.orderRejected, service: 'order', status: 'REJECTED', customsCode: 100, reasonCode });
    });

    it('answers the same order again with its current state, a conflicting one with 409, and starts a corrected order afresh after an intake rejection', async () => {
      const accepted = valid().build();
      const ref = await placeOverRest(accepted);
      // It waits for its payment there, so its status holds still while it is sent again.
      const assessed = await statusOf(ref, 'TAX_ASSESSED');
      expect(await api('POST', '/v1/orders', TMALL_KEY, { ...accepted })).toMatchObject({ status: 202, body: { status: 'TAX_ASSESSED' } });
      expect(await api('POST', '/v1/orders', TMALL_KEY, { ...accepted, freight: '5.00' })).toMatchObject({ status: 409, body: { error: expect.stringContaining(ref.orderId), details: [] } });
      expect((await view(ref)).timeline).toEqual(assessed.timeline);

      const underpaid = valid().paid('1.00').build();
      const rejected = await placeOverRest(underpaid);
      await statusOf(rejected, 'REJECTED');
      const corrected = { ...underpaid, payment: { ...underpaid.payment, amount: '999.00' } };
      expect(await api('POST', '/v1/orders', TMALL_KEY, corrected)).toMatchObject({ status: 202, body: { status: 'RECEIVED' } });
      const goingOn = await viewWhen(rejected, (v) => v.status === 'TAX_ASSESSED', 'the corrected order to be assessed');
      expect(goingOn).not.toHaveProperty('reasonCode');
      expect(steps(goingOn).slice(0, 5)).toEqual([
        [PLATFORM_EVENTS.orderPlaced, 'gateway', 'RECEIVED'],
        [ORDER_EVENTS.orderRejected, 'order', 'REJECTED', 100],
        [PLATFORM_EVENTS.orderPlaced, 'gateway', 'RECEIVED'],
        [ORDER_EVENTS.orderConfirmed, 'order', 'ORDER_CONFIRMED'],
        [DECLARATION_EVENTS.declarationSubmitted, 'declaration', 'DECLARED', 120],
      ]);
    });

    it('answers 404 for an unknown order, read or acted on', async () => {
      const unknown = { platformId: 'tmall-global', orderId: 'TG-NEVER-PLACED' };
      expect(await api('GET', self(unknown), TMALL_KEY)).toMatchObject({ status: 404, body: { error: expect.any(String), details: [] } });
      expect((await api('GET', self(unknown), OPS_KEY)).status).toBe(404);
      expect((await api('POST', `${self(unknown)}/receipt`, TMALL_KEY, signature)).status).toBe(404);
    });

    it('answers 400 naming the field of a bad request body, and of a body whose order is not the path\'s', async () => {
      const ref = await placeOverRest(valid().build());
      expect(await api('POST', `${self(ref)}/proofs`, TMALL_KEY, { documents: [] })).toMatchObject({ status: 400, body: { details: [expect.objectContaining({ field: 'documents' })] } });
      expect(await api('POST', `${self(ref)}/payments`, TMALL_KEY, { assessmentId: 'TA-1', amount: '1.5.0', paymentReference: 'R', paidAt: 'now' })).toMatchObject({
        status: 400,
        body: { details: expect.arrayContaining([expect.objectContaining({ field: 'amount' }), expect.objectContaining({ field: 'paidAt' })]) },
      });
      expect(await api('POST', `${self(ref)}/receipt`, TMALL_KEY, { ...signature, orderId: 'TG-OTHER' })).toMatchObject({ status: 400, body: { details: [expect.objectContaining({ field: 'orderId' })] } });
      expect(await api('POST', `${self(ref)}/receipt`, TMALL_KEY, { ...signature, method: 'DRONE' })).toMatchObject({ status: 400, body: { details: [expect.objectContaining({ field: 'method' })] } });
    });

    it('answers a body over 1 MiB with 413, malformed JSON with 400, and another content type with 415', async () => {
      const huge = validWith((o) => (o.items[0].name = 'x'.repeat(1_100_000)));
      expect(await api('POST', '/v1/orders', TMALL_KEY, huge)).toMatchObject({ status: 413, body: { error: expect.any(String), details: [] } });
      expect(await api('POST', '/v1/orders', TMALL_KEY, undefined, { raw: '{"platformId": "tmall-global", ' })).toMatchObject({ status: 400, body: { error: expect.stringMatching(/json/i), details: expect.any(Array) } });
      expect(await api('POST', '/v1/orders', TMALL_KEY, undefined, { raw: 'platformId=tmall-global', contentType: 'text/plain' })).toMatchObject({ status: 415, body: { error: expect.any(String), details: expect.any(Array) } });
    });

    it.each([
      ['status=LOST', 'status'],
      ['model=EXPRESS', 'model'],
      ['limit=201', 'limit'],
      ['limit=0', 'limit'],
      ['stuckForMs=-5', 'stuckForMs'],
      ['cursor=not-a-cursor', 'cursor'],
      ['platformId=a%2Fb', 'platformId'],
      ['staus=COMPLETED', 'staus'],
    ])('answers 400 to the list query %s, naming %s', async (query, field) => {
      expect(await api('GET', `/v1/clearances?${query}`, OPS_KEY)).toMatchObject({ status: 400, body: { error: expect.any(String), details: [expect.objectContaining({ field })] } });
    });
  });

  describe('the list', () => {
    it('pages newest first with an opaque cursor, and filters by status, model and platform', async () => {
      const placed: Ref[] = [];
      for (let i = 0; i < 3; i++) placed.push(await placeOverRest(anOrder().platform('jd-worldwide').directMail().build(), JD_KEY));
      const seen: any[] = [];
      let cursor: string | null = null;
      do {
        const page: Reply = await api('GET', `/v1/clearances?platformId=jd-worldwide&limit=2${cursor ? `&cursor=${cursor}` : ''}`, OPS_KEY);
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      const ids = seen.map((item) => item.orderId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(expect.arrayContaining(placed.map((ref) => ref.orderId)));
      const created = seen.map((item) => item.createdAt);
      expect(created).toEqual([...created].sort().reverse());
      expect(seen.every((item) => item.platformId === 'jd-worldwide' && Array.isArray(item.timeline))).toBe(true);

      const completed = await api('GET', '/v1/clearances?status=COMPLETED&model=GENERAL_TRADE', TMALL_KEY);
      expect(completed.body.items.length).toBeGreaterThan(0);
      expect(completed.body.items.every((item: any) => item.status === 'COMPLETED' && item.clearanceModel === 'GENERAL_TRADE' && item.platformId === 'tmall-global')).toBe(true);
    });

    it('lists as stuck only orders not finished and not changed for stuckForMs', async () => {
      const stuck = await api('GET', '/v1/clearances?stuckForMs=0&limit=200', OPS_KEY);
      expect(stuck.body.items.length).toBeGreaterThan(0);
      expect(stuck.body.items.every((item: any) => !['COMPLETED', 'REJECTED'].includes(item.status))).toBe(true);
      const longStuck = await api('GET', '/v1/clearances?stuckForMs=3600000&limit=200', OPS_KEY);
      expect(longStuck.body.items.every((item: any) => Date.parse(item.updatedAt) < Date.now() - 3_600_000)).toBe(true);
    });
  });

  describe('the read model rebuilt from the topics', () => {
    const rebuild = () => run(process.execPath, ['-r', './scripts/register-paths.js', 'dist/services/gateway/src/read-model/rebuild.js']);

    it(
      'equals the live one',
      async () => {
        await quiet();
        const { code, output } = await rebuild();
        if (code !== 0) throw new Error(`rebuild exited with ${code}:\n${output}`);
        const [, compared, equal] = /compared (\d+) orders: (\d+) equal, 0 different, 0 changed since/.exec(output) ?? [];
        expect(Number(compared)).toBeGreaterThanOrEqual(10);
        expect(equal).toBe(compared);
        expect(output).toMatch(/the rebuilt read model equals the live one/);
      },
      FLOW_TIMEOUT_MS,
    );

    it(
      'names what differs when the live one was changed behind its back',
      async () => {
        const { platformId, orderId } = directMailOverRest;
        const database = new Client({ connectionString: process.env.DATABASE_URL });
        await database.connect();
        const setStatus = (status: string) => database.query('UPDATE gateway.clearance_view SET status = $1 WHERE platform_id = $2 AND order_id = $3', [status, platformId, orderId]);
        try {
          await setStatus('DECLARED');
          const { code, output } = await rebuild();
          expect(code).toBe(1);
          expect(output).toContain(`DIFFERENT ${platformId}/${orderId} view.status: live "DECLARED", rebuilt "COMPLETED"`);
          expect(output).toMatch(/1 different/);
        } finally {
          await setStatus('COMPLETED');
          await database.end();
        }
      },
      FLOW_TIMEOUT_MS,
    );
  });

  /** Waits until no view changes for a few seconds, so the rebuild compares a settled read model. */
  async function quiet(quietMs = 3_000, timeoutMs = 60_000): Promise<void> {
    const snapshot = async () => JSON.stringify((await api('GET', '/v1/clearances?limit=200', OPS_KEY)).body.items.map((item: any) => [item.orderId, item.status, item.timeline.length]));
    const deadline = Date.now() + timeoutMs;
    let last = await snapshot();
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, quietMs));
      const now = await snapshot();
      if (now === last || Date.now() > deadline) return;
      last = now;
    }
  }

  function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(command, args, { cwd: ROOT, env: process.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      child.on('error', reject);
      child.on('exit', (code) => resolve({ code, output }));
    });
  }
});
