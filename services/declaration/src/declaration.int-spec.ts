// The declaration service in process, on the real Kafka and PostgreSQL, driven only through
// Kafka: OrderConfirmed and DocumentsProvided in, what comes out on cbec.declaration.events.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import {
  AttachedDocument,
  DECLARATION_EVENTS,
  DocumentsProvidedData,
  LOGISTICS_EVENTS,
  ORDER_EVENTS,
  OrderConfirmedData,
  orderKey,
  OrderPlacedData,
  STATUS_EVENTS,
  TOPICS,
} from '@cbec/contracts';
import { CloudEvent, createEvent, encodeEvent, Messaging } from '@cbec/messaging';
import { anOrder, eventually, TestPublisher, TopicProbe } from '@cbec/testing';
import { AppModule } from './app.module';

const DECLARATION_NUMBER = /^CBEC\d{4}\d{12}$/;

describe('declaration service', () => {
  let app: INestApplicationContext;
  let publisher: TestPublisher;
  let declarationEvents: TopicProbe;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    publisher = await TestPublisher.start();
    declarationEvents = await TopicProbe.start([TOPICS.declarationEvents]);
  });

  afterAll(async () => {
    await declarationEvents?.stop();
    await publisher?.stop();
    await app?.close();
  });

  const subjectOf = (order: { platformId: string; orderId: string }) => orderKey(order.platformId, order.orderId);

  const send = (topic: string, event: CloudEvent) => publisher.send(topic, { key: event.subject, ...encodeEvent(event) });

  const orderConfirmed = (order: OrderPlacedData, step = 1) =>
    createEvent<OrderConfirmedData>({
      type: ORDER_EVENTS.orderConfirmed,
      source: '/services/order',
      subject: subjectOf(order),
      data: { platformId: order.platformId, orderId: order.orderId, clearanceModel: order.clearanceModel, order },
      step,
    });

  const documentsProvided = (order: OrderPlacedData, documents: AttachedDocument[], waybillNumber: string, step: number) =>
    createEvent<DocumentsProvidedData>({
      type: LOGISTICS_EVENTS.documentsProvided,
      source: '/services/logistics',
      subject: subjectOf(order),
      data: { platformId: order.platformId, orderId: order.orderId, clearanceModel: order.clearanceModel, documents, waybillNumber },
      step,
    });

  /** Waits for the `count`-th event of an order on cbec.declaration.events and returns them all. */
  const eventsOf = async (order: OrderPlacedData, count = 1) =>
    (await declarationEvents.waitFor((m) => m.json?.subject === subjectOf(order), { count, what: `${count} declaration event(s) of ${subjectOf(order)}` })).map((m) => m.json);

  /** Every event this service read has been handled and committed (its outgoing events are in the outbox). */
  const settled = () => eventually(async () => (await app.get(Messaging).consumerLagNow()) === 0, { what: 'the declaration consumer to catch up' });

  /** What the service wrote to its outbox for an order: the truth, whatever the probe has seen yet. */
  const outboxTypesOf = async (order: OrderPlacedData): Promise<string[]> =>
    (await app.get(DataSource).query(`SELECT convert_from(value, 'UTF8')::jsonb->>'type' AS type FROM declaration.outbox WHERE key = $1 ORDER BY id`, [subjectOf(order)])).map(
      (row: { type: string }) => row.type,
    );

  const logisticsPapers: AttachedDocument[] = [
    { kind: 'PACKING_LIST', providedBy: 'LOGISTICS', reference: 'PL-001' },
    { kind: 'INVOICE', providedBy: 'LOGISTICS', reference: 'CI-001' },
    { kind: 'CONTRACT', providedBy: 'LOGISTICS', reference: 'SC-001' },
  ];

  describe('model I, direct mail', () => {
    it('requests the documents from logistics, then declares with them and the waybill logistics assigned', async () => {
      const order = anOrder().directMail().with((o) => delete o.logistics.waybillNumber).build();
      await send(TOPICS.orderEvents, orderConfirmed(order, 1));

      const [requested] = await eventsOf(order);
      expect(requested).toMatchObject({ type: DECLARATION_EVENTS.documentsRequested, step: 2, source: '/services/declaration', subject: subjectOf(order) });
      expect(STATUS_EVENTS[requested.type].status).toBe('DOCUMENTS_REQUESTED');
      expect(requested.data).toEqual({ platformId: order.platformId, orderId: order.orderId, clearanceModel: 'DIRECT_MAIL', requestedDocuments: ['PACKING_LIST', 'INVOICE', 'CONTRACT'], order });

      await send(TOPICS.logisticsEvents, documentsProvided(order, logisticsPapers, 'SF-ASSIGNED-0001', 3));
      const [, submitted] = await eventsOf(order, 2);
      expect(submitted).toMatchObject({ type: DECLARATION_EVENTS.declarationSubmitted, step: 4, subject: subjectOf(order) });
      expect(STATUS_EVENTS[submitted.type].status).toBe('DECLARED');
      expect(submitted.data).toMatchObject({ platformId: order.platformId, orderId: order.orderId, clearanceModel: 'DIRECT_MAIL' });
      expect(submitted.data.declaration).toMatchObject({
        declarationNumber: expect.stringMatching(DECLARATION_NUMBER),
        clearanceModel: 'DIRECT_MAIL',
        logistics: { carrier: order.logistics.carrier, waybillNumber: 'SF-ASSIGNED-0001' },
        documents: logisticsPapers,
        items: order.items,
      });
    });

    it('ignores documents for an order it does not know or that is no longer waiting for them', async () => {
      const unknown = anOrder().directMail().build();
      await send(TOPICS.logisticsEvents, documentsProvided(unknown, logisticsPapers, 'SF-STRAY', 3));

      const order = anOrder().directMail().build();
      await send(TOPICS.orderEvents, orderConfirmed(order));
      await eventsOf(order);
      await send(TOPICS.logisticsEvents, documentsProvided(order, logisticsPapers, order.logistics.waybillNumber!, 3));
      await eventsOf(order, 2);
      await send(TOPICS.logisticsEvents, documentsProvided(order, logisticsPapers, 'SF-SECOND', 5));

      await settled();
      expect(await outboxTypesOf(unknown)).toEqual([]);
      expect(await outboxTypesOf(order)).toEqual([DECLARATION_EVENTS.documentsRequested, DECLARATION_EVENTS.declarationSubmitted]);
    });

    it('keeps waiting for the documents across a restart', async () => {
      const order = anOrder().directMail().build();
      await send(TOPICS.orderEvents, orderConfirmed(order));
      await eventsOf(order);

      await app.close();
      app = await NestFactory.createApplicationContext(AppModule, { logger: false });

      await send(TOPICS.logisticsEvents, documentsProvided(order, logisticsPapers, order.logistics.waybillNumber!, 3));
      const [, submitted] = await eventsOf(order, 2);
      expect(submitted).toMatchObject({ type: DECLARATION_EVENTS.declarationSubmitted, step: 4 });
      expect(submitted.data.declaration.documents).toEqual(logisticsPapers);
    });
  });

  describe('model II, general trade', () => {
    it('declares at once with no documents, the order copied into the declaration', async () => {
      const order = anOrder().generalTrade().withItem({ hsCode: '2204210000', quantity: 2, unitPrice: '150.00' }).freight('30.00').insurance('5.00').build();
      await send(TOPICS.orderEvents, orderConfirmed(order, 1));

      const [submitted] = await eventsOf(order);
      expect(submitted).toMatchObject({ type: DECLARATION_EVENTS.declarationSubmitted, step: 2, source: '/services/declaration', subject: subjectOf(order) });
      expect(STATUS_EVENTS[submitted.type].status).toBe('DECLARED');
      expect(submitted.data).toMatchObject({ platformId: order.platformId, orderId: order.orderId, clearanceModel: 'GENERAL_TRADE' });
      expect(submitted.data.declaration).toEqual({
        declarationNumber: expect.stringMatching(DECLARATION_NUMBER),
        platformId: order.platformId,
        orderId: order.orderId,
        clearanceModel: 'GENERAL_TRADE',
        placedAt: order.placedAt,
        currency: 'CNY',
        consignee: order.consumer,
        logistics: order.logistics,
        payment: { provider: order.payment.provider, transactionId: order.payment.transactionId, amount: '335.00' },
        items: order.items,
        freight: '30.00',
        insurance: '5.00',
        documents: [],
        declaredAt: expect.any(String),
      });
      expect(Date.parse(submitted.data.declaration.declaredAt)).not.toBeNaN();
    });

    it('carries the step on: OrderConfirmed at step 2 (a corrected order) gives DeclarationSubmitted at step 3', async () => {
      const order = anOrder().generalTrade().build();
      await send(TOPICS.orderEvents, orderConfirmed(order, 2));
      const [submitted] = await eventsOf(order);
      expect(submitted.step).toBe(3);
    });
  });

  describe('model III, bonded zone', () => {
    it('declares at once with the invoice and transaction record built from the order and payment', async () => {
      const order = anOrder().bonded('HANGZHOU').withItem({ quantity: 2, unitPrice: '199.00' }).freight('20.00').build();
      await send(TOPICS.orderEvents, orderConfirmed(order, 1));

      const [submitted] = await eventsOf(order);
      expect(submitted).toMatchObject({ type: DECLARATION_EVENTS.declarationSubmitted, step: 2 });
      expect(submitted.data.declaration).toMatchObject({ clearanceModel: 'BONDED_ZONE', bondedZone: 'HANGZHOU', freight: '20.00', insurance: '0.00' });
      expect(submitted.data.declaration.documents).toEqual([
        { kind: 'INVOICE', providedBy: 'ORDER', reference: `INV-${order.orderId}` },
        { kind: 'TRANSACTION_RECORD', providedBy: 'ORDER', reference: order.payment.transactionId },
      ]);
    });
  });

  it('gives every order its own declaration number', async () => {
    const orders = [anOrder().generalTrade(), anOrder().bonded(), anOrder().generalTrade(), anOrder().bonded('ZHENGZHOU'), anOrder().generalTrade()].map((b) => b.build());
    await Promise.all(orders.map((order) => send(TOPICS.orderEvents, orderConfirmed(order))));
    const numbers = await Promise.all(orders.map(async (order) => (await eventsOf(order))[0].data.declaration.declarationNumber));
    expect(numbers.every((n) => DECLARATION_NUMBER.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(orders.length);
  });

  describe('a run of events taken together', () => {
    it('declares each order of a run once, with its own number, whatever comes again in the run', async () => {
      const direct = anOrder().directMail().with((o) => delete o.logistics.waybillNumber).build();
      const bonded = anOrder().bonded().build();
      const others = [anOrder().generalTrade(), anOrder().bonded('ZHENGZHOU')].map((b) => b.build());
      const again = orderConfirmed(bonded);
      await publisher.sendAllStructured(TOPICS.orderEvents, [orderConfirmed(direct), again, orderConfirmed(others[0]), again, orderConfirmed(bonded), orderConfirmed(others[1])]);

      const declared = await Promise.all([direct, bonded, ...others].map(async (order) => (await eventsOf(order))[0]));
      expect(declared.map((event) => event.type)).toEqual([DECLARATION_EVENTS.documentsRequested, ...Array(3).fill(DECLARATION_EVENTS.declarationSubmitted)]);
      await publisher.sendAllStructured(TOPICS.logisticsEvents, [documentsProvided(direct, logisticsPapers, 'SF-RUN-1', 3), documentsProvided(direct, logisticsPapers, 'SF-RUN-2', 3)]);
      const [, submitted] = await eventsOf(direct, 2);
      expect(submitted.data.declaration.logistics.waybillNumber).toBe('SF-RUN-1');
      await settled();

      expect(await outboxTypesOf(bonded)).toEqual([DECLARATION_EVENTS.declarationSubmitted]);
      expect(await outboxTypesOf(direct)).toEqual([DECLARATION_EVENTS.documentsRequested, DECLARATION_EVENTS.declarationSubmitted]);
      const numbers = declared.slice(1).map((event) => event.data.declaration.declarationNumber);
      expect(new Set([...numbers, submitted.data.declaration.declarationNumber]).size).toBe(4);
      const [row] = await app.get(DataSource).query(`SELECT status, step, waybill_number FROM declaration.declaration WHERE platform_id = $1 AND order_id = $2`, [direct.platformId, direct.orderId]);
      expect(row).toEqual({ status: 'SUBMITTED', step: 4, waybill_number: 'SF-RUN-1' });
    });
  });

  describe('OrderConfirmed delivered again', () => {
    const twice = (event: CloudEvent) => [event, event];
    it.each([
      ['the same event twice', (order: OrderPlacedData) => twice(orderConfirmed(order))],
      ['the same content under a new event id', (order: OrderPlacedData) => [orderConfirmed(order), orderConfirmed(order)]],
    ])('gives one declaration for %s', async (_, deliveries) => {
      const order = anOrder().bonded().build();
      for (const event of deliveries(order)) await send(TOPICS.orderEvents, event);
      await eventsOf(order);
      await settled();
      expect(await outboxTypesOf(order)).toEqual([DECLARATION_EVENTS.declarationSubmitted]);
      const rows = await app.get(DataSource).query(`SELECT status, step FROM declaration.declaration WHERE platform_id = $1 AND order_id = $2`, [order.platformId, order.orderId]);
      expect(rows).toEqual([{ status: 'SUBMITTED', step: 2 }]);
    });
  });
});
