// The outbound translator in process, on the real Kafka and PostgreSQL: internal events go in on
// the service topics, in order or not, and the platform's view comes out on cbec.platform.outbound.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  ClearanceModel,
  DECLARATION_EVENTS,
  INSPECTION_EVENTS,
  LOGISTICS_EVENTS,
  ORDER_EVENTS,
  orderKey,
  OUTBOUND_EVENTS,
  REFUSAL_EVENTS,
  rejection,
  STATUS_EVENTS,
  TAX_PERMIT_EVENTS,
  TaxAssessmentNotice,
  TOPICS,
  serviceEventsTopic,
} from '@cbec/contracts';
import { CloudEvent, createEvent, encodeEvent, Messaging, metricsRegistry } from '@cbec/messaging';
import { anOrder, aTaxAssessmentNotice, eventually, TestPublisher, TopicProbe } from '@cbec/testing';
import { AppModule, GATEWAY_SERVICE } from '../app.module';


const ASSESSMENT = aTaxAssessmentNotice();

interface TestOrder {
  platformId: string;
  orderId: string;
  clearanceModel: ClearanceModel;
}

function anOrderOf(clearanceModel: ClearanceModel = 'GENERAL_TRADE'): TestOrder {
  const { platformId, orderId } = anOrder().model(clearanceModel).build();
  return { platformId, orderId, clearanceModel };
}

/** An internal event as the service that owns its type would publish it, with its step. */
function internalEvent(order: TestOrder, type: string, step: number, data: Record<string, unknown> = {}, id?: string): { topic: string; event: CloudEvent } {
  const service = STATUS_EVENTS[type]?.service ?? REFUSAL_EVENTS[type];
  const { platformId, orderId, clearanceModel } = order;
  const event = createEvent({ id, type, source: `/services/${service}`, subject: orderKey(platformId, orderId), data: { platformId, orderId, clearanceModel, ...data }, step });
  return { topic: serviceEventsTopic(service), event };
}

function refusalEvent(order: TestOrder, type: string, step: number, reasonCode = 'UNEXPECTED_EVENT') {
  return internalEvent(order, type, step, { refusedEventId: `platform-${step}`, refusedType: 'cbec.platform.tax-paid.v1', reasonCode, message: `refused at step ${step}` });
}

/** The chain of an order of each model, as its services publish it: step n is chain[n - 1]. */
function chainOf(order: TestOrder): { topic: string; event: CloudEvent }[] {
  const declaration = { declarationNumber: 'DEC-1', clearanceModel: order.clearanceModel };
  const steps: [string, Record<string, unknown>?][] = [
    [ORDER_EVENTS.orderConfirmed, { order: anOrder().model(order.clearanceModel).build() }],
    ...(order.clearanceModel === 'DIRECT_MAIL'
      ? ([[DECLARATION_EVENTS.documentsRequested, { requestedDocuments: ['PACKING_LIST'] }], [LOGISTICS_EVENTS.documentsProvided, { documents: [] }]] as [string, Record<string, unknown>][])
      : []),
    [DECLARATION_EVENTS.declarationSubmitted, { declaration }],
    [INSPECTION_EVENTS.reviewStarted, { declaration }],
    [INSPECTION_EVENTS.approved, { declaration }],
    [TAX_PERMIT_EVENTS.taxAssessed, { declaration, notice: ASSESSMENT }],
    [TAX_PERMIT_EVENTS.taxPaid, { declaration, assessmentId: 'TA-1', amount: '144.49', withheld: false }],
    ...(order.clearanceModel === 'DIRECT_MAIL'
      ? ([
          [LOGISTICS_EVENTS.dispatched, { carrier: 'SF-INTL', waybillNumber: 'SF1' }],
          [LOGISTICS_EVENTS.outForDelivery, { notice: { carrier: 'SF-INTL', waybillNumber: 'SF1' } }],
          [LOGISTICS_EVENTS.delivered, { notice: { declarationNumber: 'DEC-1', completedAt: '2026-11-15T10:00:00.000Z' } }],
        ] as [string, Record<string, unknown>][])
      : ([
          [TAX_PERMIT_EVENTS.permitIssued, { declaration, permitNumber: 'PRM-1' }],
          [LOGISTICS_EVENTS.dispatched, { carrier: 'SF-INTL', waybillNumber: 'SF1' }],
          [
            LOGISTICS_EVENTS.readyForPickup,
            { notice: { location: { name: 'Hangzhou bonded site', address: '1 Zone Rd' }, availableFrom: '2026-11-15T00:00:00.000Z', availableUntil: '2026-11-22T00:00:00.000Z', pickupCode: '482913' } },
          ],
          [LOGISTICS_EVENTS.delivered, { notice: { declarationNumber: 'DEC-1', permitNumber: 'PRM-1', completedAt: '2026-11-16T10:00:00.000Z' } }],
        ] as [string, Record<string, unknown>][])),
  ];
  return steps.map(([type, data], i) => internalEvent(order, type, i + 1, data));
}

describe('gateway outbound translator', () => {
  let app: INestApplicationContext;
  let publisher: TestPublisher;
  let outbound: TopicProbe;

  beforeAll(async () => {
    // Swept every 3 s, yet far longer than any test here holds an event on purpose.
    process.env.HELD_EVENT_HORIZON_MS = '30000';
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    publisher = await TestPublisher.start();
    outbound = await TopicProbe.start([TOPICS.platformOutbound]);
  });

  afterAll(async () => {
    await outbound?.stop();
    await publisher?.stop();
    await app?.close();
    delete process.env.HELD_EVENT_HORIZON_MS;
  });

  const publish = async (...events: { topic: string; event: CloudEvent }[]) => {
    for (const { topic, event } of events) await publisher.send(topic, { key: event.subject, ...encodeEvent(event) });
  };

  /** Waits for `count` outbound events of the order and checks the envelope of every one. */
  const toldOf = async (order: TestOrder, count: number) => {
    const subject = orderKey(order.platformId, order.orderId);
    const messages = await outbound.waitFor((m) => m.key === subject, { count, what: `${count} outbound events of ${subject}` });
    for (const message of messages) {
      expect(message.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
      expect(message.json).toMatchObject({ specversion: '1.0', source: '/services/gateway', subject, datacontenttype: 'application/json' });
      expect(message.json.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(message.json.data).toMatchObject({ platformId: order.platformId, orderId: order.orderId });
    }
    return messages.map((m) => m.json);
  };

  const heldOf = async (order: TestOrder): Promise<number> => {
    const [{ n }] = await app.get(DataSource).query('SELECT count(*)::int AS n FROM gateway.outbound_held_event WHERE platform_id = $1 AND order_id = $2', [order.platformId, order.orderId]);
    return n;
  };

  const db = () => app.get(DataSource);
  const givenUpCount = async (): Promise<number> => (await metricsRegistry.getSingleMetric('cbec_outbound_held_events_given_up_total')?.get())?.values[0]?.value ?? 0;
  /** What the gateway has committed to tell the platform about the order. */
  const platformEventsWritten = async (subject: string): Promise<number> =>
    (await db().query('SELECT count(*)::int AS n FROM gateway.outbox WHERE topic = $1 AND key = $2', [TOPICS.platformOutbound, subject]))[0].n;

  const heldGauge = async (): Promise<number> => (await metricsRegistry.getSingleMetric('cbec_outbound_held_events')!.get()).values[0]?.value ?? 0;

  /** `status-changed` shown as its status, any other event as its type. */
  const summary = (events: any[]) => events.map((e) => [e.type === OUTBOUND_EVENTS.statusChanged ? e.data.status : e.type, e.data.sequence]);

  it('tells an in-order chain as status changes numbered 1..6, the tax assessment right after its status change', async () => {
    const order = anOrderOf('GENERAL_TRADE');
    const chain = chainOf(order).slice(0, 5);
    await publish(...chain);
    const told = await toldOf(order, 6);
    expect(summary(told)).toEqual([
      ['ORDER_CONFIRMED', 1],
      ['DECLARED', 2],
      ['UNDER_REVIEW', 3],
      ['APPROVED', 4],
      ['TAX_ASSESSED', 5],
      [OUTBOUND_EVENTS.taxAssessed, 6],
    ]);
    expect(told.map((e) => e.data.previousStatus)).toEqual(['RECEIVED', 'ORDER_CONFIRMED', 'DECLARED', 'UNDER_REVIEW', 'APPROVED', undefined]);
    expect(told[0].data).toEqual({ ...order, status: 'ORDER_CONFIRMED', previousStatus: 'RECEIVED', at: chain[0].event.time, sequence: 1 });
    expect(told[5].data).toEqual({ ...order, status: 'TAX_ASSESSED', at: chain[4].event.time, sequence: 6, ...ASSESSMENT });
    expect(told.every((e) => e.step === undefined)).toBe(true);
  });

  it('puts a chain published out of order across topics back in step order, with no gap in the sequence', async () => {
    const order = anOrderOf('BONDED_ZONE');
    const [confirmed, declared, review, approved, assessed] = chainOf(order);
    await publish(confirmed, review, approved, assessed);
    await toldOf(order, 1);
    await eventually(async () => (await heldOf(order)) === 3, { what: 'steps 3, 4 and 5 held back' });
    expect(await heldGauge()).toBeGreaterThanOrEqual(3);

    await publish(declared);
    const told = await toldOf(order, 6);
    expect(summary(told)).toEqual([
      ['ORDER_CONFIRMED', 1],
      ['DECLARED', 2],
      ['UNDER_REVIEW', 3],
      ['APPROVED', 4],
      ['TAX_ASSESSED', 5],
      [OUTBOUND_EVENTS.taxAssessed, 6],
    ]);
    expect(await heldOf(order)).toBe(0);
  });

  it.each([
    ['model I, published in order', 'DIRECT_MAIL', false, [OUTBOUND_EVENTS.outForDelivery]],
    ['model II, published in reverse', 'GENERAL_TRADE', true, [OUTBOUND_EVENTS.pickupReady]],
    ['model III, published in reverse', 'BONDED_ZONE', true, [OUTBOUND_EVENTS.pickupReady]],
  ] as const)('takes an order of %s to COMPLETED, every status change before its notice', async (_, model, reversed, handOver) => {
    const order = anOrderOf(model);
    const chain = chainOf(order);
    await publish(...(reversed ? [...chain].reverse() : chain));
    const statuses = chain.map(({ event }) => STATUS_EVENTS[event.type].status);
    const told = await toldOf(order, chain.length + 3);

    expect(told.map((e) => e.data.sequence)).toEqual(told.map((_, i) => i + 1));
    expect(told.filter((e) => e.type === OUTBOUND_EVENTS.statusChanged).map((e) => e.data.status)).toEqual(statuses);
    expect(told.filter((e) => e.type !== OUTBOUND_EVENTS.statusChanged).map((e) => e.type)).toEqual([OUTBOUND_EVENTS.taxAssessed, ...handOver, OUTBOUND_EVENTS.completed]);
    for (const [i, e] of told.entries()) {
      if (e.type !== OUTBOUND_EVENTS.statusChanged) expect(told[i - 1].data).toMatchObject({ status: e.data.status });
    }
    const completed = told.at(-1);
    expect(completed.type).toBe(OUTBOUND_EVENTS.completed);
    expect(completed.data).toMatchObject({ status: 'COMPLETED', clearanceModel: model, declarationNumber: 'DEC-1', completedAt: expect.any(String) });
    expect('permitNumber' in completed.data).toBe(model !== 'DIRECT_MAIL');
  });

  it('says nothing for a redelivered event or for a step told already under a new id', async () => {
    const order = anOrderOf();
    const confirmed = internalEvent(order, ORDER_EVENTS.orderConfirmed, 1);
    const again = internalEvent(order, ORDER_EVENTS.orderConfirmed, 1);
    // The refusal comes after the duplicates on the same partition: when it is told, they were handled.
    const marker = refusalEvent(order, ORDER_EVENTS.requestRefused, 1, 'ORDER_CONFLICT');
    await publish(confirmed, confirmed, again, marker);
    const told = await toldOf(order, 2);
    expect(summary(told)).toEqual([
      ['ORDER_CONFIRMED', 1],
      [OUTBOUND_EVENTS.requestRefused, 2],
    ]);
    expect(outbound.eventsOf(orderKey(order.platformId, order.orderId))).toHaveLength(2);
  });

  it('forwards a refusal about the step reached at once, and holds one about a later step until the order gets there', async () => {
    const order = anOrderOf('BONDED_ZONE');
    const [confirmed, declared, review, approved] = chainOf(order);
    await publish(confirmed, declared);
    await toldOf(order, 2);

    const now = refusalEvent(order, TAX_PERMIT_EVENTS.requestRefused, 2, 'UNEXPECTED_EVENT');
    await publish(now);
    const [, , refusedNow] = await toldOf(order, 3);
    expect(refusedNow.type).toBe(OUTBOUND_EVENTS.requestRefused);
    expect(refusedNow.data).toEqual({
      ...order,
      status: 'DECLARED',
      at: now.event.time,
      sequence: 3,
      refusedEventId: 'platform-2',
      refusedType: 'cbec.platform.tax-paid.v1',
      reasonCode: 'UNEXPECTED_EVENT',
      message: 'refused at step 2',
    });

    const later = internalEvent(order, INSPECTION_EVENTS.requestRefused, 4, {
      refusedEventId: 'proof-1',
      refusedType: 'cbec.platform.proof-submitted.v1',
      reasonCode: 'INVALID_REQUEST',
      message: 'the proof is not valid',
      details: [{ field: 'documents', message: 'must not be empty' }],
    });
    await publish(later, review);
    await toldOf(order, 4);
    expect(summary(outbound.eventsOf(orderKey(order.platformId, order.orderId)))).toEqual([
      ['ORDER_CONFIRMED', 1],
      ['DECLARED', 2],
      [OUTBOUND_EVENTS.requestRefused, 3],
      ['UNDER_REVIEW', 4],
    ]);
    expect(await heldOf(order)).toBe(1);

    await publish(approved);
    const told = await toldOf(order, 6);
    expect(summary(told.slice(4))).toEqual([
      ['APPROVED', 5],
      [OUTBOUND_EVENTS.requestRefused, 6],
    ]);
    expect(told[5].data).toMatchObject({ status: 'APPROVED', reasonCode: 'INVALID_REQUEST', refusedEventId: 'proof-1', details: [{ field: 'documents', message: 'must not be empty' }] });
    expect(await heldOf(order)).toBe(0);
  });

  it('tells a rejection at intake with its reason and details, and continues the order when it comes again corrected', async () => {
    const order = anOrderOf('BONDED_ZONE');
    const details = [{ field: 'clearanceModel', message: 'must be one of DIRECT_MAIL, GENERAL_TRADE, BONDED_ZONE' }];
    const rejected = internalEvent(order, ORDER_EVENTS.orderRejected, 1, { ...rejection(order, null, 'INVALID_ORDER', details) });
    await publish(rejected);
    const [changed, notice] = await toldOf(order, 2);
    expect(changed).toMatchObject({ type: OUTBOUND_EVENTS.statusChanged });
    expect(changed.data).toEqual({ ...order, clearanceModel: null, status: 'REJECTED', previousStatus: 'RECEIVED', reasonCode: 'INVALID_ORDER', at: rejected.event.time, sequence: 1 });
    expect(notice).toMatchObject({ type: OUTBOUND_EVENTS.rejected });
    expect(notice.data).toEqual({ ...order, clearanceModel: null, status: 'REJECTED', at: rejected.event.time, sequence: 2, reasonCode: 'INVALID_ORDER', details });

    await publish(internalEvent(order, ORDER_EVENTS.orderConfirmed, 2, { order: anOrder().bonded().build() }));
    const [, , corrected] = await toldOf(order, 3);
    expect(corrected.data).toMatchObject({ status: 'ORDER_CONFIRMED', previousStatus: 'REJECTED', clearanceModel: 'BONDED_ZONE', sequence: 3 });
  });

  it('tells a rejection by customs with status-changed, then rejected.v1', async () => {
    const order = anOrderOf('DIRECT_MAIL');
    const chain = chainOf(order).slice(0, 5);
    const details = [{ field: 'items[0].hsCode', message: '9303 firearms are prohibited' }];
    await publish(...chain, internalEvent(order, INSPECTION_EVENTS.rejected, 6, { ...rejection(order, order.clearanceModel, 'PROHIBITED_GOODS', details) }));
    const told = await toldOf(order, 7);
    expect(told[5].data).toMatchObject({ status: 'REJECTED', previousStatus: 'UNDER_REVIEW', reasonCode: 'PROHIBITED_GOODS', sequence: 6 });
    expect(told[6]).toMatchObject({ type: OUTBOUND_EVENTS.rejected, data: { status: 'REJECTED', reasonCode: 'PROHIBITED_GOODS', details, sequence: 7 } });
  });

  it('keeps held-back events across a restart', async () => {
    const order = anOrderOf();
    const [confirmed, declared, review] = chainOf(order);
    await publish(confirmed, review);
    await toldOf(order, 1);
    await eventually(async () => (await heldOf(order)) === 1, { what: 'step 3 held back' });

    await app.close();
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    await publish(declared);
    const told = await toldOf(order, 3);
    expect(summary(told)).toEqual([
      ['ORDER_CONFIRMED', 1],
      ['DECLARED', 2],
      ['UNDER_REVIEW', 3],
    ]);
    expect(await heldGauge()).toBe(0);
  });

  it('gives up an event held past the horizon: dead-lettered under its order for ops, counted, not released when the gap fills, told once replayed', async () => {
    const order = anOrderOf('GENERAL_TRADE');
    const subject = orderKey(order.platformId, order.orderId);
    const [confirmed, declared, review, approved] = chainOf(order);
    await publish(confirmed, declared, approved);
    await toldOf(order, 2);
    await eventually(async () => (await heldOf(order)) === 1, { what: 'step 4 held back' });
    const givenUpBefore = await givenUpCount();
    // As if step 3 had not come for two hours.
    await db().query('UPDATE gateway.outbound_held_event SET held_at = now() - interval \'2 hours\' WHERE platform_id = $1 AND order_id = $2', [order.platformId, order.orderId]);

    await eventually(async () => (await heldOf(order)) === 0, { what: 'the held event given up', timeoutMs: 30_000 });
    const [letter] = (await app.get(Messaging).deadLetters.list()).filter((l) => l.key === subject);
    expect(letter).toMatchObject({ consumerGroup: GATEWAY_SERVICE.consumerGroup, topic: TOPICS.inspectionEvents, reason: expect.stringContaining('step 3') });
    expect(JSON.parse(letter.payload).id).toBe(approved.event.id);
    expect(await givenUpCount()).toBe(givenUpBefore + 1);
    // Announced to ops (the ops service lists what is announced) with the order's key.
    const announced = `SELECT 1 FROM gateway.outbox WHERE convert_from(value, 'UTF8')::jsonb -> 'data' ->> 'id' = $1 AND convert_from(value, 'UTF8')::jsonb -> 'data' ->> 'key' = $2`;
    await eventually(async () => (await db().query(announced, [letter.id, subject])).length === 1, { what: 'the dead letter announced to ops' });

    // The gap fills late: step 3 is told, and the given-up step 4 is not taken up again...
    await publish(review);
    await eventually(async () => (await db().query('SELECT 1 FROM gateway.processed_event WHERE event_id = $1', [review.event.id])).length === 1, { what: 'step 3 handled' });
    expect(await platformEventsWritten(subject)).toBe(3);
    // ...until ops replay it.
    await app.get(Messaging).deadLetters.replay(letter.id);
    expect(summary(await toldOf(order, 4))).toEqual([
      ['ORDER_CONFIRMED', 1],
      ['DECLARED', 2],
      ['UNDER_REVIEW', 3],
      ['APPROVED', 4],
    ]);
  });
});
