// The order service in process, on the real Kafka and PostgreSQL: what a platform publishing
// order-placed sees come out on cbec.order.events and in the dead-letter topic.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { deadLetterTopic, ORDER_EVENTS, PLATFORM_EVENTS, TOPICS } from '@cbec/contracts';
import { anOrder, orderPlacedEvent, platformEvent, RESIDENT_IDS, TestPublisher, TopicProbe } from '@cbec/testing';
import { AppModule, ORDER_SERVICE } from './app.module';

describe('order service intake', () => {
  let app: INestApplicationContext;
  let publisher: TestPublisher;
  let orderEvents: TopicProbe;
  let deadLetters: TopicProbe;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    publisher = await TestPublisher.start();
    orderEvents = await TopicProbe.start([TOPICS.orderEvents]);
    deadLetters = await TopicProbe.start([deadLetterTopic(ORDER_SERVICE.consumerGroup)]);
  });

  afterAll(async () => {
    await orderEvents?.stop();
    await deadLetters?.stop();
    await publisher?.stop();
    await app?.close();
  });

  const subjectOf = (order: { platformId: string; orderId: string }) => `${order.platformId}/${order.orderId}`;
  const outcomeOf = async (order: { platformId: string; orderId: string }, count = 1) =>
    (await orderEvents.waitFor((m) => m.json?.subject === subjectOf(order), { count, what: `intake outcome of ${subjectOf(order)}` })).map((m) => m.json);

  describe('confirms a valid order', () => {
    it.each([
      ['direct mail', anOrder().directMail().with((o) => delete o.logistics.waybillNumber)],
      ['general trade', anOrder().generalTrade().withItem({ hsCode: '2204210000', quantity: 2, unitPrice: '150.00' }).freight('30.00').insurance('5.00')],
      ['bonded zone', anOrder().bonded('HANGZHOU').withItem({ quantity: 2, unitPrice: '199.00' }).freight('20.00')],
    ])('of %s, published in structured mode', async (_, builder) => {
      const order = builder.build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(order));
      const [confirmed] = await outcomeOf(order);
      expect(confirmed.type).toBe(ORDER_EVENTS.orderConfirmed);
      expect(confirmed.data).toMatchObject({ platformId: order.platformId, orderId: order.orderId, clearanceModel: order.clearanceModel, order: { items: order.items } });
      expect(confirmed).toMatchObject({ source: '/services/order', step: 1, specversion: '1.0' });
    });

    it.each([['direct mail', anOrder().directMail()], ['general trade', anOrder().generalTrade()], ['bonded zone', anOrder().bonded('ZHENGZHOU')]])(
      'of %s, published in binary mode',
      async (_, builder) => {
        const order = builder.build();
        await publisher.sendBinary(TOPICS.platformInbound, orderPlacedEvent(order));
        const [confirmed] = await outcomeOf(order);
        expect(confirmed.type).toBe(ORDER_EVENTS.orderConfirmed);
        expect(confirmed.data.clearanceModel).toBe(order.clearanceModel);
      },
    );

    it('published as a bare JSON CloudEvent with no content-type header', async () => {
      const order = anOrder().build();
      await publisher.send(TOPICS.platformInbound, { key: subjectOf(order), value: JSON.stringify(orderPlacedEvent(order)) });
      const [confirmed] = await outcomeOf(order);
      expect(confirmed.type).toBe(ORDER_EVENTS.orderConfirmed);
    });
  });

  describe('rejects at intake with the reason code of the first failing rule', () => {
    it.each([
      ['a wrong ID check character', anOrder().consumer('110105194912310021'), 'INVALID_ORDER', ['consumer.idNumber']],
      ['an HS code that is not 10 digits', anOrder().withItem({ hsCode: '3304' }), 'INVALID_ORDER', ['items[0].hsCode']],
      ['a quantity of zero', anOrder().withItem({ quantity: 0 }), 'INVALID_ORDER', ['items[0].quantity']],
      ['a unit price of zero', anOrder().withItem({ unitPrice: '0.00' }), 'INVALID_ORDER', ['items[0].unitPrice']],
      ['money as a JSON number', anOrder().with((o) => (o.freight = 20)), 'INVALID_ORDER', ['freight']],
      ['money with three decimals', anOrder().withItem({ unitPrice: '1.999' }), 'INVALID_ORDER', ['items[0].unitPrice']],
      ['a bonded order without its zone', anOrder().bonded().with((o) => delete o.bondedZone), 'INVALID_ORDER', ['bondedZone']],
      ['a bonded order in an unknown zone', anOrder().bonded('SHENZHEN'), 'INVALID_ORDER', ['bondedZone']],
      ['a general-trade order without a waybill', anOrder().generalTrade().with((o) => delete o.logistics.waybillNumber), 'INVALID_ORDER', ['logistics.waybillNumber']],
      ['an unknown clearance model', anOrder().with((o) => (o.clearanceModel = 'DROPSHIP')), 'INVALID_ORDER', ['clearanceModel']],
      ['a currency that is not ISO 4217', anOrder().with((o) => (o.currency = 'XYZ')), 'INVALID_ORDER', ['currency']],
      ['a valid currency other than CNY', anOrder().with((o) => (o.currency = 'USD')), 'UNSUPPORTED_CURRENCY', ['currency']],
      ['a payer who is not the consumer', anOrder().with((o) => (o.payment.payerIdNumber = RESIDENT_IDS[1])), 'IDENTITY_MISMATCH', ['payment.payerIdNumber']],
      ['a payer name that differs', anOrder().with((o) => (o.payment.payerName = 'Wang Fang')), 'IDENTITY_MISMATCH', ['payment.payerName']],
      ['a payment one cent short', anOrder().withItem({ quantity: 2, unitPrice: '199.00' }).freight('20.00').paid('417.99'), 'PAYMENT_MISMATCH', ['payment.amount']],
      ['USD and a wrong payment: currency comes first', anOrder().with((o) => (o.currency = 'USD')).paid('1.00'), 'UNSUPPORTED_CURRENCY', ['currency']],
      ['a bad field and a foreign payer: the field comes first', anOrder().withItem({ hsCode: 'ABC' }).with((o) => (o.payment.payerIdNumber = RESIDENT_IDS[1])), 'INVALID_ORDER', ['items[0].hsCode']],
      ['a foreign payer and a wrong amount: identity comes first', anOrder().paid('1.00').with((o) => (o.payment.payerIdNumber = RESIDENT_IDS[1])), 'IDENTITY_MISMATCH', ['payment.payerIdNumber']],
    ])('%s', async (_, builder, reasonCode, fields) => {
      const order = builder.build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(order));
      const [rejected] = await outcomeOf(order);
      expect(rejected.type).toBe(ORDER_EVENTS.orderRejected);
      expect(rejected.data.reasonCode).toBe(reasonCode);
      expect(rejected.data.details.map((d: { field: string }) => d.field)).toEqual(fields);
    });

    it('lists every field error at once, the ID checksum included', async () => {
      const order = anOrder()
        .withItem({ hsCode: '12', quantity: 0 })
        .with((o) => {
          o.consumer.idNumber = '110105194912310021';
          o.payment.paidAt = 'yesterday';
          delete o.consumer.name;
        })
        .build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(order));
      const [rejected] = await outcomeOf(order);
      expect(rejected.data.reasonCode).toBe('INVALID_ORDER');
      expect(new Set(rejected.data.details.map((d: { field: string }) => d.field))).toEqual(
        new Set(['consumer.name', 'consumer.idNumber', 'payment.paidAt', 'items[0].hsCode', 'items[0].quantity']),
      );
    });
  });

  describe('re-sent orders', () => {
    it('changes nothing when the same event is published twice', async () => {
      const order = anOrder().build();
      const event = orderPlacedEvent(order);
      await publisher.sendStructured(TOPICS.platformInbound, event);
      await publisher.sendStructured(TOPICS.platformInbound, event);
      const marker = anOrder().build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(marker));
      await outcomeOf(marker);
      expect(orderEvents.eventsOf(subjectOf(order)).map((e) => e.type)).toEqual([ORDER_EVENTS.orderConfirmed]);
    });

    it('changes nothing when the same content comes again under a new event id', async () => {
      const order = anOrder().build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(order));
      await outcomeOf(order);
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(JSON.parse(JSON.stringify(order))));
      const marker = anOrder().build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(marker));
      await outcomeOf(marker);
      expect(orderEvents.eventsOf(subjectOf(order)).map((e) => e.type)).toEqual([ORDER_EVENTS.orderConfirmed]);
    });

    it('refuses different content for a confirmed order with ORDER_CONFLICT, and the first order stands', async () => {
      const order = anOrder().build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(order));
      await outcomeOf(order);
      const conflicting = { ...order, freight: '5.00', payment: { ...order.payment, amount: (Number(order.payment.amount) + 5).toFixed(2) } };
      const resend = orderPlacedEvent(conflicting);
      await publisher.sendStructured(TOPICS.platformInbound, resend);
      const [, refused] = await outcomeOf(order, 2);
      expect(refused.type).toBe(ORDER_EVENTS.requestRefused);
      expect(refused.data).toMatchObject({ reasonCode: 'ORDER_CONFLICT', refusedEventId: resend.id, refusedType: PLATFORM_EVENTS.orderPlaced });
      const stored = await app.get(DataSource).query(`SELECT outcome, data->>'freight' AS freight FROM orders.intake_order WHERE platform_id = $1 AND order_id = $2`, [order.platformId, order.orderId]);
      expect(stored).toEqual([{ outcome: 'CONFIRMED', freight: order.freight }]);
    });

    it('starts afresh when an order rejected at intake comes again corrected', async () => {
      const wrong = anOrder().paid('1.00').build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(wrong));
      const corrected = { ...wrong, payment: { ...wrong.payment, amount: anOrder().build().payment.amount } };
      await outcomeOf(wrong);
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(corrected));
      const [rejected, confirmed] = await outcomeOf(wrong, 2);
      expect(rejected.data.reasonCode).toBe('PAYMENT_MISMATCH');
      expect(confirmed.type).toBe(ORDER_EVENTS.orderConfirmed);
      expect(confirmed.step).toBe(2);
    });
  });

  describe('a run of events taken together', () => {
    it('judges an order that comes several times in one run as it would one event after another', async () => {
      const order = anOrder().build();
      const first = orderPlacedEvent(order);
      const conflicting = orderPlacedEvent({ ...order, freight: '5.00', payment: { ...order.payment, amount: (Number(order.payment.amount) + 5).toFixed(2) } });
      const wrong = anOrder().paid('1.00').build();
      const corrected = { ...wrong, payment: { ...wrong.payment, amount: anOrder().build().payment.amount } };
      const run = [first, orderPlacedEvent(JSON.parse(JSON.stringify(order))), first, conflicting, orderPlacedEvent(wrong), orderPlacedEvent(corrected), orderPlacedEvent(corrected)];
      await publisher.sendAllStructured(TOPICS.platformInbound, run);

      const [confirmed, refused] = await outcomeOf(order, 2);
      expect([confirmed, refused].map((e) => [e.type, e.step])).toEqual([[ORDER_EVENTS.orderConfirmed, 1], [ORDER_EVENTS.requestRefused, 1]]);
      expect(refused.data).toMatchObject({ reasonCode: 'ORDER_CONFLICT', refusedEventId: conflicting.id });
      const [rejected, confirmedAfter] = await outcomeOf(wrong, 2);
      expect([rejected, confirmedAfter].map((e) => [e.type, e.step])).toEqual([[ORDER_EVENTS.orderRejected, 1], [ORDER_EVENTS.orderConfirmed, 2]]);
      const marker = anOrder().build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(marker));
      await outcomeOf(marker);
      expect(orderEvents.eventsOf(subjectOf(order))).toHaveLength(2);
      expect(orderEvents.eventsOf(subjectOf(wrong))).toHaveLength(2);
      const stored = await app.get(DataSource).query(
        `SELECT order_id, outcome, reason_code, step, data->>'freight' AS freight FROM orders.intake_order WHERE (platform_id, order_id) IN (($1, $2), ($1, $3)) ORDER BY order_id = $2 DESC`,
        [order.platformId, order.orderId, wrong.orderId],
      );
      expect(stored).toEqual([
        { order_id: order.orderId, outcome: 'CONFIRMED', reason_code: null, step: 1, freight: order.freight ?? null },
        { order_id: wrong.orderId, outcome: 'CONFIRMED', reason_code: null, step: 2, freight: wrong.freight ?? null },
      ]);
    });
  });

  describe('dead-letters what cannot be read, with the reason', () => {
    it.each([
      ['a value that is not JSON', 'tmall-global/dl-1', '{"specversion": "1.0", oops', 'value is not valid JSON'],
      ['JSON that is not a CloudEvent', 'tmall-global/dl-2', JSON.stringify({ orderId: 'dl-2' }), 'not a CloudEvent'],
      ['an unknown event type', 'tmall-global/dl-3', JSON.stringify(platformEvent('cbec.platform.order-cancelled.v1', { platformId: 'tmall-global', orderId: 'dl-3' })), 'unknown event type'],
      ['an event whose order cannot be read', null, JSON.stringify({ ...platformEvent(PLATFORM_EVENTS.orderPlaced, { platformId: '', orderId: '' }), subject: undefined }), 'platformId/orderId cannot be read'],
    ])('%s', async (_, key, value, reason) => {
      await publisher.send(TOPICS.platformInbound, { key, value });
      const [dead] = await deadLetters.waitFor((m) => m.value === value);
      expect(dead.headers['dlq-reason']).toContain(reason);
      expect(dead.headers['dlq-original-topic']).toBe(TOPICS.platformInbound);
      expect(dead.headers['dlq-consumer-group']).toBe(ORDER_SERVICE.consumerGroup);
    });

    it('leaves inbound types of other services alone', async () => {
      const proof = platformEvent(PLATFORM_EVENTS.proofSubmitted, { platformId: 'tmall-global', orderId: 'not-for-intake', documents: [] });
      await publisher.sendStructured(TOPICS.platformInbound, proof);
      const marker = anOrder().build();
      await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(marker));
      await outcomeOf(marker);
      expect(deadLetters.messages.filter((m) => m.json?.id === proof.id)).toEqual([]);
      expect(orderEvents.eventsOf('tmall-global/not-for-intake')).toEqual([]);
    });
  });
});
