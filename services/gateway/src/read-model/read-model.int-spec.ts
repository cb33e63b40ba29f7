// The clearance read model in process, on the real Kafka and PostgreSQL: the services' events and
// the platform's own arrive on their topics in any order, and the view and its timeline come out
// as the API shows them, in step order, once per event.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  DECLARATION_EVENTS,
  INSPECTION_EVENTS,
  ORDER_EVENTS,
  orderKey,
  PLATFORM_EVENTS,
  SINGLE_WINDOW_EVENTS,
  STATUS_EVENTS,
  TAX_PERMIT_EVENTS,
  TaxAssessmentNotice,
  TOPICS,
  serviceEventsTopic,
} from '@cbec/contracts';
import { CloudEvent, createEvent, encodeEvent } from '@cbec/messaging';
import { anOrder, aTaxAssessmentNotice, eventually, orderPlacedEvent, TestPublisher } from '@cbec/testing';
import { AppModule } from '../app.module';
import { ClearanceQueries } from '../clearances/clearance-queries.service';
import type { ClearanceViewBody } from '../clearances/clearance-view.dto';

const OPS = { platformId: 'ops', isOps: true };
const ASSESSMENT = aTaxAssessmentNotice({ assessmentId: 'TA-9', dutiableTotal: '999.00', lines: [{ sku: 'SKU-1', dutiableValue: '999.00', duty: '0.00', consumptionTax: '0.00', vat: '129.87' }], totals: { duty: '0.00', consumptionTax: '0.00', vat: '129.87', total: '129.87' } });

describe('gateway read model', () => {
  let app: INestApplicationContext;
  let publisher: TestPublisher;

  beforeAll(async () => {
    process.env.GATEWAY_API_KEYS ??= 'ops:ops-key-123456';
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    publisher = await TestPublisher.start();
  });

  afterAll(async () => {
    await publisher?.stop();
    await app?.close();
  });

  const placedOrder = () => anOrder().generalTrade().withItem({ hsCode: '8517130000', quantity: 1, unitPrice: '999.00' }).build();

  function internal(order: { platformId: string; orderId: string }, type: string, step: number, data: Record<string, unknown> = {}, cause?: CloudEvent): { topic: string; event: CloudEvent } {
    const service = STATUS_EVENTS[type]?.service ?? 'tax-permit';
    const event = createEvent({ type, source: `/services/${service}`, subject: orderKey(order.platformId, order.orderId), data: { platformId: order.platformId, orderId: order.orderId, clearanceModel: 'GENERAL_TRADE', ...data }, step, cause });
    return { topic: serviceEventsTopic(service), event };
  }

  const publish = async (...messages: { topic: string; event: CloudEvent }[]) => {
    for (const { topic, event } of messages) await publisher.send(topic, { key: event.subject, ...encodeEvent(event) });
  };

  const viewOf = (order: { platformId: string; orderId: string }) => app.get(ClearanceQueries).find(OPS, order);

  async function viewWith(order: { platformId: string; orderId: string }, entries: number): Promise<ClearanceViewBody> {
    return eventually(async () => {
      const view = await viewOf(order);
      return view && view.timeline.length >= entries ? view : undefined;
    }, { what: `${entries} timeline entries of ${order.orderId}` });
  }

  it('builds the view and its timeline in step order from events published out of order across topics, order-placed last', async () => {
    const order = placedOrder();
    const placed = { topic: TOPICS.platformInbound, event: orderPlacedEvent(order) as unknown as CloudEvent };
    const confirmed = internal(order, ORDER_EVENTS.orderConfirmed, 1, {}, placed.event);
    const declared = internal(order, DECLARATION_EVENTS.declarationSubmitted, 2, { declaration: { declarationNumber: 'HZ-DECL-1' } });
    const review = internal(order, INSPECTION_EVENTS.reviewStarted, 3);
    const approved = internal(order, INSPECTION_EVENTS.approved, 4);
    const assessed = internal(order, TAX_PERMIT_EVENTS.taxAssessed, 5, { notice: ASSESSMENT });

    await publish(assessed, approved, confirmed, review);
    await viewWith(order, 1);
    expect((await viewOf(order))!.status).toBe('ORDER_CONFIRMED');
    await publish(declared, placed);
    const view = await viewWith(order, 6);

    expect(view).toMatchObject({ platformId: order.platformId, orderId: order.orderId, clearanceModel: 'GENERAL_TRADE', status: 'TAX_ASSESSED', declarationNumber: 'HZ-DECL-1', taxAssessment: ASSESSMENT });
    expect(view.timeline.map((e) => [e.type, e.service, e.status, e.customsCode])).toEqual([
      [PLATFORM_EVENTS.orderPlaced, 'gateway', 'RECEIVED', undefined],
      [ORDER_EVENTS.orderConfirmed, 'order', 'ORDER_CONFIRMED', undefined],
      [DECLARATION_EVENTS.declarationSubmitted, 'declaration', 'DECLARED', 120],
      [INSPECTION_EVENTS.reviewStarted, 'inspection', 'UNDER_REVIEW', 120],
      [INSPECTION_EVENTS.approved, 'inspection', 'APPROVED', 800],
      [TAX_PERMIT_EVENTS.taxAssessed, 'tax-permit', 'TAX_ASSESSED', undefined],
    ]);
    expect(view.createdAt).toBe(new Date(placed.event.time).toISOString());
  });

  it('takes every event once: a redelivery, and a second event of a step under a new id, change nothing', async () => {
    const order = placedOrder();
    const placed = { topic: TOPICS.platformInbound, event: orderPlacedEvent(order) as unknown as CloudEvent };
    const confirmed = internal(order, ORDER_EVENTS.orderConfirmed, 1, {}, placed.event);
    await publish(placed, confirmed);
    const before = await viewWith(order, 2);

    const duplicateStep = internal(order, ORDER_EVENTS.orderConfirmed, 1);
    const marker = internal(order, DECLARATION_EVENTS.declarationSubmitted, 2, { declaration: { declarationNumber: 'HZ-DECL-2' } });
    await publish(placed, confirmed, duplicateStep, marker);
    await eventually(async () => {
      const rows = await app.get(DataSource).query('SELECT 1 FROM gateway.processed_event WHERE event_id = ANY($1)', [[duplicateStep.event.id, marker.event.id]]);
      return rows.length === 2;
    }, { what: 'the duplicate step and the marker handled' });
    const after = await viewWith(order, 3);
    expect(after.timeline.slice(0, 2)).toEqual(before.timeline);
    expect(after.timeline).toHaveLength(3);
  });

  it('puts a platform\'s request before the refusal it caused, whichever topic is read first', async () => {
    const order = placedOrder();
    const placed = { topic: TOPICS.platformInbound, event: orderPlacedEvent(order) as unknown as CloudEvent };
    const confirmed = internal(order, ORDER_EVENTS.orderConfirmed, 1, {}, placed.event);
    const payment = { topic: TOPICS.platformInbound, event: createEvent({ type: PLATFORM_EVENTS.taxPaid, source: 'https://tmall.example', subject: orderKey(order.platformId, order.orderId), data: { platformId: order.platformId, orderId: order.orderId, assessmentId: 'TA-0', amount: '1.00', paymentReference: 'R', paidAt: '2026-11-12T10:00:00+08:00' } }) };
    const refusal = internal(order, TAX_PERMIT_EVENTS.requestRefused, 1, { refusedEventId: payment.event.id, refusedType: PLATFORM_EVENTS.taxPaid, reasonCode: 'UNEXPECTED_EVENT', message: 'no tax assessed yet' }, payment.event);
    await publish(placed, confirmed, refusal);
    await viewWith(order, 3);
    await publish(payment);
    const view = await viewWith(order, 4);
    expect(view.status).toBe('ORDER_CONFIRMED');
    expect(view.timeline.map((e) => [e.type, e.service, e.reasonCode])).toEqual([
      [PLATFORM_EVENTS.orderPlaced, 'gateway', undefined],
      [ORDER_EVENTS.orderConfirmed, 'order', undefined],
      [PLATFORM_EVENTS.taxPaid, 'gateway', undefined],
      [TAX_PERMIT_EVENTS.requestRefused, 'tax-permit', 'UNEXPECTED_EVENT'],
    ]);
  });

  it("records a run of one order's platform events, each once", async () => {
    const order = placedOrder();
    const ref = { platformId: order.platformId, orderId: order.orderId };
    const placed = orderPlacedEvent(order) as unknown as CloudEvent;
    const platform = (type: string, data: Record<string, unknown>) => createEvent({ type, source: 'https://tmall.example', subject: orderKey(order.platformId, order.orderId), data: { ...ref, ...data } });
    const payment = platform(PLATFORM_EVENTS.taxPaid, { assessmentId: 'TA-1', amount: '1.00', paymentReference: 'R', paidAt: '2026-11-12T10:00:00+08:00' });
    const receipt = platform(PLATFORM_EVENTS.goodsReceived, { receivedBy: 'Li Wei', receivedAt: '2026-11-13T10:00:00+08:00', method: 'SIGNATURE' });
    await publisher.sendAllStructured(TOPICS.platformInbound, [placed, payment, placed, payment, receipt]);
    const view = await viewWith(order, 3);
    await eventually(async () => (await app.get(DataSource).query('SELECT 1 FROM gateway.processed_event WHERE event_id = $1', [receipt.id])).length === 1, { what: 'the run handled' });
    // Platform events sit in the timeline by their time (timeline-order.rule), not by arrival.
    expect((await viewOf(order))!.timeline.map((e) => e.type).sort()).toEqual([PLATFORM_EVENTS.orderPlaced, PLATFORM_EVENTS.taxPaid, PLATFORM_EVENTS.goodsReceived].sort());
    expect(view.status).toBe('RECEIVED');
  });

  it("takes customs' receipts from the Single Window's topic in any order: timeline entries by customs' time, the customs part, invtNo as the declaration number, the status as inspection left it", async () => {
    const order = placedOrder();
    const ref = { platformId: order.platformId, orderId: order.orderId, clearanceModel: 'GENERAL_TRADE' };
    const placed = { topic: TOPICS.platformInbound, event: orderPlacedEvent(order) as unknown as CloudEvent };
    const confirmed = internal(order, ORDER_EVENTS.orderConfirmed, 1, {}, placed.event);
    const declared = internal(order, DECLARATION_EVENTS.declarationSubmitted, 2, { declaration: { declarationNumber: 'HZ-DECL-3' } });
    const review = internal(order, INSPECTION_EVENTS.reviewStarted, 3, { declaration: { declarationNumber: 'HZ-DECL-3' } });
    const later = (ms: number) => new Date(Date.parse(review.event.time) + ms).toISOString();
    const receipt = (returnStatus: string, at: string, more: Record<string, unknown> = {}) => ({
      topic: TOPICS.singleWindowEvents,
      event: createEvent({ type: SINGLE_WINDOW_EVENTS.receiptRecorded, source: '/services/single-window', subject: orderKey(order.platformId, order.orderId), data: { ...ref, messageType: 'CEB622', guid: `G-${returnStatus}`, copNo: 'HZ-DECL-3', returnStatus, returnInfo: `customs said ${returnStatus}`, at, ...more } }),
    });
    const accepted = receipt('120', later(2_000), { invtNo: 'INVT-3' });
    const declaring = receipt('2', later(1_000), { preNo: 'PRE-3' });

    await publish(accepted, placed, confirmed);
    await viewWith(order, 3);
    await publish(declared, review, declaring);
    // The customs part follows its receipt's timeline entry (the read model is eventually consistent).
    const view = await eventually(async () => {
      const found = await viewWith(order, 6);
      return found.customs?.preNo ? found : undefined;
    }, { what: `the customs part of ${order.orderId}` });

    expect(view).toMatchObject({ status: 'UNDER_REVIEW', declarationNumber: 'INVT-3', customs: { preNo: 'PRE-3', invtNo: 'INVT-3', lastReceipt: { messageType: 'CEB622', returnStatus: '120', returnInfo: 'customs said 120', at: later(2_000) } } });
    expect(view.timeline.map((e) => [e.type, e.service, e.status, e.customsCode, e.messageType])).toEqual([
      [PLATFORM_EVENTS.orderPlaced, 'gateway', 'RECEIVED', undefined, undefined],
      [ORDER_EVENTS.orderConfirmed, 'order', 'ORDER_CONFIRMED', undefined, undefined],
      [DECLARATION_EVENTS.declarationSubmitted, 'declaration', 'DECLARED', 120, undefined],
      [INSPECTION_EVENTS.reviewStarted, 'inspection', 'UNDER_REVIEW', 120, undefined],
      ['customs-receipt', 'single-window', undefined, 2, 'CEB622'],
      ['customs-receipt', 'single-window', undefined, 120, 'CEB622'],
    ]);
  });
});
