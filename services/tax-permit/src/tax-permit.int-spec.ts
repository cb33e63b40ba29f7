// The tax-permit service in process, on the real Kafka and PostgreSQL, driven only through Kafka:
// approvals from inspection, payments from platforms and pickup expiries from logistics go in;
// what comes out on cbec.tax-permit.events (and what the annual ledger holds) is asserted.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Partitioners } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Declaration, INSPECTION_EVENTS, LOGISTICS_EVENTS, OPS_COMMANDS, OPS_EVENTS, OrderPlacedData, PLATFORM_EVENTS, rejection, STATUS_EVENTS, TAX_PERMIT_EVENTS, TOPICS } from '@cbec/contracts';
import { Money, residentIdCheckCharacter, TARIFF_SEED, toMoney } from '@cbec/domain';
import { CloudEvent, createEvent, encodeEvent } from '@cbec/messaging';
import { consumerKeyOf } from '@cbec/privacy';
import { anOrder, eventually, OrderBuilder, platformEvent, TestPublisher, TopicProbe } from '@cbec/testing';
import { AppModule } from './app.module';
import { CreateTaxPermit1764000000400 } from './persistence/migrations/1764000000400-create-tax-permit';
import { AddAfterSale1764000000401 } from './persistence/migrations/1764000000401-add-after-sale';
import { KeyLedgerByConsumerKey1764000000402 } from './persistence/migrations/1764000000402-key-ledger-by-consumer-key';
import { TariffTable } from './persistence/tariff-table';
import { UpsertTariffEntryService } from './upsert-tariff-entry/upsert-tariff-entry.service';

/** The secret the service files consumers under in these tests (CONSUMER_KEY_SECRET). */
const SECRET = 'tax-permit-int-spec-secret';

/** The step inspection's Approved carries in these tests; what follows is at 8, 9, 10. */
const APPROVED_STEP = 7;

let consumers = 0;
/** A valid resident ID of a consumer no other test uses, so each test has its own annual quota. */
function newConsumer(): string {
  const first17 = `11010519900101${String(consumers++).padStart(3, '0')}`;
  return first17 + residentIdCheckCharacter(first17);
}

/** An order of a consumer of its own: 2 x 199.00 face cream + 20.00 freight unless the test says otherwise. */
const order = (model: 'DIRECT_MAIL' | 'GENERAL_TRADE' | 'BONDED_ZONE' = 'BONDED_ZONE'): OrderBuilder =>
  (model === 'BONDED_ZONE' ? anOrder().bonded('HANGZHOU') : anOrder().model(model)).consumer(newConsumer());
const creamOrder = (model?: 'DIRECT_MAIL' | 'GENERAL_TRADE' | 'BONDED_ZONE') => order(model).withItem({ sku: 'JP-CREAM-50', quantity: 2, unitPrice: '199.00' }).freight('20.00');
const handbag = (unitPrice: string) => ({ sku: 'BAG', name: 'Handbag', hsCode: '4202210000', quantity: 1, unitPrice });

/** The declaration as the declaration service files it, from the order. */
function aDeclaration(placed: OrderPlacedData): Declaration {
  return {
    platformId: placed.platformId,
    orderId: placed.orderId,
    declarationNumber: `CEB621${Date.now()}`,
    clearanceModel: placed.clearanceModel,
    ...(placed.bondedZone ? { bondedZone: placed.bondedZone } : {}),
    placedAt: placed.placedAt,
    currency: placed.currency,
    consignee: placed.consumer,
    logistics: { carrier: placed.logistics.carrier, waybillNumber: placed.logistics.waybillNumber ?? 'SF0000000001' },
    payment: { provider: placed.payment.provider, transactionId: placed.payment.transactionId, amount: placed.payment.amount },
    items: placed.items,
    freight: placed.freight ?? '0.00',
    insurance: placed.insurance ?? '0.00',
    documents: [],
    declaredAt: new Date().toISOString(),
  };
}

/** The partition kafkajs's default (Java-compatible) partitioner gives a key, over KAFKA_PARTITIONS (6) partitions. */
function partitionOf(key: string): number {
  const partitionMetadata = Array.from({ length: Number(process.env.KAFKA_PARTITIONS ?? 6) }, (_, partitionId) => ({ partitionId, partitionErrorCode: 0, leader: 0, replicas: [0], isr: [0] }));
  return Partitioners.DefaultPartitioner()({ topic: TOPICS.inspectionEvents, partitionMetadata, message: { key, value: null } });
}

/** The order with an id whose key lands on another partition than `key`, so the consumer handles the two at once. */
function onOtherPartition(builder: OrderBuilder, key: string): OrderPlacedData {
  for (let attempt = 0; ; attempt++) {
    const placed = builder.id(`JD${Date.now()}${attempt}`).build();
    if (partitionOf(`${placed.platformId}/${placed.orderId}`) !== partitionOf(key)) return placed;
  }
}

let samePartitionOrders = 0;
/** The order with an id whose key lands on the partition of `key`, so the consumer can take the two in one run. */
function onSamePartition(builder: OrderBuilder, key: string): OrderPlacedData {
  for (let attempt = 0; ; attempt++) {
    // Two orders made in one millisecond still get ids of their own.
    const placed = builder.id(`TM${Date.now()}${samePartitionOrders++}x${attempt}`).build();
    if (partitionOf(`${placed.platformId}/${placed.orderId}`) === partitionOf(key)) return placed;
  }
}

function approvedEvent(placed: OrderPlacedData, step = APPROVED_STEP): CloudEvent {
  const declaration = aDeclaration(placed);
  return createEvent({
    type: INSPECTION_EVENTS.approved,
    source: '/services/inspection',
    subject: `${placed.platformId}/${placed.orderId}`,
    data: { platformId: placed.platformId, orderId: placed.orderId, clearanceModel: placed.clearanceModel, declaration },
    step,
  });
}

function taxPaidEvent(placed: OrderPlacedData, payment: { assessmentId: string; amount: unknown } & Record<string, unknown>) {
  return platformEvent(PLATFORM_EVENTS.taxPaid, { platformId: placed.platformId, orderId: placed.orderId, paymentReference: `TAXPAY-${placed.orderId}`, paidAt: '2026-11-11T10:00:00+08:00', ...payment });
}

describe('tax-permit service', () => {
  let app: INestApplicationContext;
  let publisher: TestPublisher;
  let taxEvents: TopicProbe;

  const createApp = () => NestFactory.createApplicationContext(AppModule, { logger: false });
  const db = () => app.get(DataSource);

  beforeAll(async () => {
    process.env.CONSUMER_KEY_SECRET = SECRET;
    app = await createApp();
    publisher = await TestPublisher.start();
    taxEvents = await TopicProbe.start([TOPICS.taxPermitEvents]);
  });

  afterAll(async () => {
    await taxEvents?.stop();
    await publisher?.stop();
    await app?.close();
    delete process.env.CONSUMER_KEY_SECRET;
  });

  const subjectOf = (placed: { platformId: string; orderId: string }) => `${placed.platformId}/${placed.orderId}`;
  const send = (topic: string, event: CloudEvent | ReturnType<typeof platformEvent>) => publisher.send(topic, { key: event.subject, ...encodeEvent(event as CloudEvent) });
  const approve = async (placed: OrderPlacedData, step = APPROVED_STEP) => {
    const event = approvedEvent(placed, step);
    await send(TOPICS.inspectionEvents, event);
    return event;
  };
  const pay = async (placed: OrderPlacedData, payment: { assessmentId: string; amount: unknown } & Record<string, unknown>) => {
    const event = taxPaidEvent(placed, payment);
    await send(TOPICS.platformInbound, event);
    return event;
  };
  /** The ledger's annual-total-changed carries the order's key too, but tells of the consumer's total, not of the order. */
  const ofTheOrder = (event: { type: string }) => event.type !== TAX_PERMIT_EVENTS.annualTotalChanged;
  /** Waits for `count` events of the order on cbec.tax-permit.events and returns them all. */
  const eventsOf = async (placed: { platformId: string; orderId: string }, count = 1) =>
    (await taxEvents.waitFor((m) => m.json?.subject === subjectOf(placed) && ofTheOrder(m.json), { count, what: `${count} tax-permit event(s) of ${subjectOf(placed)}` })).map((m) => m.json);
  const statusOf = (event: { type: string }) => STATUS_EVENTS[event.type]?.status;
  const processed = (eventId: string) =>
    eventually(async () => (await db().query('SELECT 1 FROM tax_permit.processed_event WHERE event_id = $1', [eventId])).length > 0, { what: `event ${eventId} processed` });
  /** Every event the service has written for the order (the outbox is written in the handler's transaction). */
  const outboxTypesOf = async (placed: { platformId: string; orderId: string }) =>
    (await db().query('SELECT value FROM tax_permit.outbox WHERE key = $1 ORDER BY id', [subjectOf(placed)]))
      .map((row: { value: Buffer }) => JSON.parse(row.value.toString()))
      .filter(ofTheOrder)
      .map((event: { type: string }) => event.type);
  const ledgerOf = async (placed: OrderPlacedData) => {
    const rows = await db().query('SELECT total FROM tax_permit.annual_ledger WHERE consumer_key = $1 AND quota_year = 2026', [consumerKeyOf(placed.consumer.idNumber, SECRET)]);
    return rows[0]?.total as string | undefined;
  };
  /** A transaction of the test holding a lock on a table of the service, until released. */
  const lockTable = async (table: string, mode: string) => {
    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query('BEGIN');
    await client.query(`LOCK TABLE ${table} IN ${mode} MODE`);
    return { release: () => client.query('COMMIT').finally(() => client.end()) };
  };
  const waitersOn = (table: string, count: number) =>
    eventually(async () => (await db().query(`SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`, [`%${table}%`])).length >= count, {
      what: `${count} transaction(s) of the service waiting on ${table}`,
    });
  const assessed = async (placed: OrderPlacedData) => {
    await approve(placed);
    const [event] = await eventsOf(placed);
    expect(event.type).toBe(TAX_PERMIT_EVENTS.taxAssessed);
    return event;
  };

  describe('assesses an approved order', () => {
    it('of model III at the retail rates of the worked example, waiting for payment until dueBy', async () => {
      const placed = creamOrder('BONDED_ZONE').build();
      const before = Date.now();
      await approve(placed);
      const [event] = await eventsOf(placed);
      expect(event).toMatchObject({ type: TAX_PERMIT_EVENTS.taxAssessed, source: '/services/tax-permit', step: APPROVED_STEP + 1 });
      expect(statusOf(event)).toBe('TAX_ASSESSED');
      expect(event.data).toMatchObject({ platformId: placed.platformId, orderId: placed.orderId, clearanceModel: 'BONDED_ZONE', declaration: { items: placed.items } });
      const { notice } = event.data;
      expect(notice).toMatchObject({
        regime: 'CBEC_RETAIL',
        currency: 'CNY',
        dutiableTotal: '418.00',
        lines: [{ sku: 'JP-CREAM-50', dutiableValue: '418.00', duty: '0.00', consumptionTax: '51.64', vat: '44.75' }],
        totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' },
        withheld: false,
      });
      expect(notice.assessmentId).toMatch(/^TA-[0-9a-f-]{36}$/);
      // TAX_DUE_MS defaults to 72 h.
      expect(Date.parse(notice.dueBy) - before).toBeGreaterThanOrEqual(72 * 3600 * 1000 - 1000);
      expect(await ledgerOf(placed)).toBe('418.00');
    });

    it('of model II at full rates, outside the annual ledger', async () => {
      const placed = order('GENERAL_TRADE').withItem({ sku: 'FR-WINE', hsCode: '2204210000', quantity: 2, unitPrice: '150.00' }).freight('30.00').insurance('5.00').build();
      const event = await assessed(placed);
      expect(event.step).toBe(APPROVED_STEP + 1);
      expect(event.data.notice).toMatchObject({
        regime: 'GENERAL_TRADE',
        dutiableTotal: '335.00',
        lines: [{ sku: 'FR-WINE', dutiableValue: '335.00', duty: '46.90', consumptionTax: '42.43', vat: '55.16' }],
        totals: { duty: '46.90', consumptionTax: '42.43', vat: '55.16', total: '144.49' },
        withheld: false,
      });
      expect(event.data.notice.dueBy).toBeDefined();
      expect(await ledgerOf(placed)).toBeUndefined();
    });

    it('of model I as assessed and then paid at once, the platform withholding the tax', async () => {
      const placed = creamOrder('DIRECT_MAIL').build();
      await approve(placed);
      const [taxAssessed, taxPaid] = await eventsOf(placed, 2);
      expect([taxAssessed, taxPaid].map((e) => [statusOf(e), e.step])).toEqual([
        ['TAX_ASSESSED', APPROVED_STEP + 1],
        ['TAX_PAID', APPROVED_STEP + 2],
      ]);
      expect(taxAssessed.data.notice).toMatchObject({ regime: 'CBEC_RETAIL', withheld: true, totals: { total: '96.39' } });
      expect(taxAssessed.data.notice).not.toHaveProperty('dueBy');
      expect(taxPaid.data).toMatchObject({ clearanceModel: 'DIRECT_MAIL', withheld: true, amount: '96.39', assessmentId: taxAssessed.data.notice.assessmentId, declaration: { orderId: placed.orderId } });
      expect(await ledgerOf(placed)).toBe('418.00');
    });

    it('rejects UNKNOWN_HS_CODE when no tariff entry covers an item', async () => {
      const placed = order().withItem({ sku: 'X', hsCode: '9999990000' }).build();
      await approve(placed);
      const [event] = await eventsOf(placed);
      expect(event).toMatchObject({ type: TAX_PERMIT_EVENTS.rejected, step: APPROVED_STEP + 1 });
      expect(event.data).toMatchObject({ reasonCode: 'UNKNOWN_HS_CODE', clearanceModel: 'BONDED_ZONE', details: [{ field: 'items[0].hsCode' }], notice: { reasonCode: 'UNKNOWN_HS_CODE' } });
    });

    it('counts the quota once when the same approval is delivered twice, and again under a new event id', async () => {
      const placed = creamOrder().build();
      const approved = approvedEvent(placed);
      await send(TOPICS.inspectionEvents, approved);
      await send(TOPICS.inspectionEvents, approved);
      const again = approvedEvent(placed);
      await send(TOPICS.inspectionEvents, again);
      await processed(again.id);
      expect(await outboxTypesOf(placed)).toEqual([TAX_PERMIT_EVENTS.taxAssessed]);
      expect(await ledgerOf(placed)).toBe('418.00');
      const entries = await db().query('SELECT amount FROM tax_permit.ledger_entry WHERE platform_id = $1 AND order_id = $2', [placed.platformId, placed.orderId]);
      expect(entries).toEqual([{ amount: '418.00' }]);
    });
  });

  describe('applies the retail limits', () => {
    it('rejects a multi-item order of 5000.01 with SINGLE_LIMIT_EXCEEDED', async () => {
      const placed = order().withItem(handbag('2500.00')).withItem({ ...handbag('2500.00'), sku: 'BAG-2' }).freight('0.01').build();
      await approve(placed);
      const [event] = await eventsOf(placed);
      expect(event).toMatchObject({ type: TAX_PERMIT_EVENTS.rejected, step: APPROVED_STEP + 1, data: { reasonCode: 'SINGLE_LIMIT_EXCEEDED' } });
      expect(event.data.details[0].message).toContain('5000.01');
      expect(await ledgerOf(placed)).toBe('0.00');
    });

    it('charges full rates for a single item of quantity 1 above 5000.00, counted in the annual total', async () => {
      const placed = order().withItem(handbag('6000.00')).build();
      const event = await assessed(placed);
      expect(event.data.notice).toMatchObject({
        regime: 'CBEC_RETAIL_FULL_RATE',
        dutiableTotal: '6000.00',
        totals: { duty: '600.00', consumptionTax: '0.00', vat: '858.00', total: '1458.00' },
      });
      expect(await ledgerOf(placed)).toBe('6000.00');
    });

    it('rejects ANNUAL_LIMIT_EXCEEDED when one consumer orders 20000.00 and then 6500.00 on another platform', async () => {
      const first = order().platform('tmall-global').withItem(handbag('20000.00')).build();
      await assessed(first);
      const second = order().platform('jd-worldwide').consumer(first.consumer.idNumber).withItem(handbag('6500.00')).build();
      await approve(second);
      const [event] = await eventsOf(second);
      expect(event).toMatchObject({ type: TAX_PERMIT_EVENTS.rejected, step: APPROVED_STEP + 1, data: { reasonCode: 'ANNUAL_LIMIT_EXCEEDED' } });
      expect(event.data.details[0].message).toContain('20000.00');
      expect(event.data.details[0].message).toContain('6500.00');
      expect(event.data.details[0].message).not.toContain(first.consumer.idNumber);
      expect(await ledgerOf(first)).toBe('20000.00');
    });

    it('assesses exactly one of two concurrent orders of one consumer on two platforms that together exceed the annual limit', async () => {
      // A first order opens the consumer's ledger row, so the two below contend for its lock.
      const first = creamOrder().build();
      await assessed(first);
      const tmall = order().platform('tmall-global').consumer(first.consumer.idNumber).withItem(handbag('20000.00')).build();
      const jd = onOtherPartition(order().platform('jd-worldwide').consumer(first.consumer.idNumber).withItem(handbag('6000.00')), subjectOf(tmall));

      // Both must reach the ledger at the same moment. The consumer fetches again only when its
      // batch is handled, so: hold it on a general-trade order (its tariff read waits for a table
      // lock of ours) while both arrive; then let it go and hold both at the ledger, and release.
      const blocker = order('GENERAL_TRADE').build();
      const tariffLock = await lockTable('tax_permit.tariff_entry', 'ACCESS EXCLUSIVE');
      const ledgerLock = await lockTable('tax_permit.annual_ledger', 'EXCLUSIVE');
      await approve(blocker);
      await waitersOn('tariff_entry', 1);
      await Promise.all([tmall, jd].map((placed) => approve(placed)));
      await tariffLock.release();
      await waitersOn('annual_ledger', 2);
      await ledgerLock.release();

      const outcomes = await Promise.all([tmall, jd].map(async (placed) => (await eventsOf(placed))[0]));
      const assessedOne = outcomes.filter((e) => e.type === TAX_PERMIT_EVENTS.taxAssessed);
      const rejectedOne = outcomes.filter((e) => e.type === TAX_PERMIT_EVENTS.rejected);
      expect(assessedOne).toHaveLength(1);
      expect(rejectedOne.map((e) => e.data.reasonCode)).toEqual(['ANNUAL_LIMIT_EXCEEDED']);
      expect(await ledgerOf(first)).toBe(toMoney(new Money('418.00').plus(assessedOne[0].data.notice.dutiableTotal)));
      expect((await eventsOf(blocker))[0].type).toBe(TAX_PERMIT_EVENTS.taxAssessed);
    });
  });

  describe('announces the annual total', () => {
    it('keys annual-total-changed by the order that changed the total, <platformId>/<orderId> as every event (CONTRACT 1)', async () => {
      const placed = creamOrder().build();
      await assessed(placed);
      const [announced] = await taxEvents.waitFor((m) => m.json?.type === TAX_PERMIT_EVENTS.annualTotalChanged && m.json.data.orderId === placed.orderId, { what: 'the annual total announced' });
      expect(announced.key).toBe(subjectOf(placed));
      expect(announced.json).toMatchObject({ subject: subjectOf(placed), data: { platformId: placed.platformId, orderId: placed.orderId, total: '418.00', version: 1 } });
    });
  });

  describe('takes a run of events in turn, as one after another', () => {
    it("counts one consumer's orders of a run against the annual limit in their order, an approval delivered twice once", async () => {
      const first = order().platform('tmall-global').withItem(handbag('20000.00')).build();
      const idNumber = first.consumer.idNumber;
      const over = onSamePartition(order().platform('jd-worldwide').consumer(idNumber).withItem(handbag('6500.00')), subjectOf(first));
      const fits = onSamePartition(order().platform('jd-worldwide').consumer(idNumber).withItem(handbag('5900.00')), subjectOf(first));
      const approved = approvedEvent(first);
      await publisher.sendAllStructured(TOPICS.inspectionEvents, [approved, approvedEvent(over), approved, approvedEvent(first), approvedEvent(fits)]);

      const outcomes = await Promise.all([first, over, fits].map(async (placed) => (await eventsOf(placed))[0]));
      expect(outcomes.map((event) => [event.type, event.data.reasonCode])).toEqual([
        [TAX_PERMIT_EVENTS.taxAssessed, undefined],
        [TAX_PERMIT_EVENTS.rejected, 'ANNUAL_LIMIT_EXCEEDED'],
        [TAX_PERMIT_EVENTS.taxAssessed, undefined],
      ]);
      expect(outcomes[1].data.details[0].message).toContain("total of 20000.00 plus this order's 6500.00");
      await processed(approved.id);
      expect(await outboxTypesOf(first)).toEqual([TAX_PERMIT_EVENTS.taxAssessed]);
      expect(await ledgerOf(first)).toBe('25900.00');
      const changes = await taxEvents.waitFor((m) => m.json?.type === TAX_PERMIT_EVENTS.annualTotalChanged && m.json.data.consumerKey === consumerKeyOf(idNumber, SECRET), { count: 2, what: 'two annual totals' });
      // Each total has its own key (annualTotalSubject), so the probe may see them in either order.
      expect(changes.map((m) => [m.json.data.orderId, m.json.data.total, m.json.data.version]).sort((a, b) => a[2] - b[2])).toEqual([
        [first.orderId, '20000.00', 1],
        [fits.orderId, '25900.00', 2],
      ]);
    });

    it("judges an order's payments of a run in their order: refused, accepted with a permit, ignored, refused", async () => {
      const placed = creamOrder().build();
      const { data } = await assessed(placed);
      const payment = { assessmentId: data.notice.assessmentId, amount: '96.39', paymentReference: 'TAXPAY-RUN' };
      const wrong = taxPaidEvent(placed, { ...payment, amount: '96.00' });
      const other = taxPaidEvent(placed, { ...payment, paymentReference: 'TAXPAY-OTHER' });
      await publisher.sendAllStructured(TOPICS.platformInbound, [wrong, taxPaidEvent(placed, payment), taxPaidEvent(placed, payment), other]);
      await processed(other.id);

      const events = await eventsOf(placed, 5);
      expect(events.map((e) => [e.type, e.step, e.data.reasonCode])).toEqual([
        [TAX_PERMIT_EVENTS.taxAssessed, APPROVED_STEP + 1, undefined],
        [TAX_PERMIT_EVENTS.requestRefused, APPROVED_STEP + 1, 'PAYMENT_AMOUNT_MISMATCH'],
        [TAX_PERMIT_EVENTS.taxPaid, APPROVED_STEP + 2, undefined],
        [TAX_PERMIT_EVENTS.permitIssued, APPROVED_STEP + 3, undefined],
        [TAX_PERMIT_EVENTS.requestRefused, APPROVED_STEP + 3, 'UNEXPECTED_EVENT'],
      ]);
      expect(await outboxTypesOf(placed)).toHaveLength(5);
      const [row] = await db().query('SELECT status, step, payment_reference, permit_number FROM tax_permit.tax_order WHERE platform_id = $1 AND order_id = $2', [placed.platformId, placed.orderId]);
      expect(row).toEqual({ status: 'PERMIT_ISSUED', step: APPROVED_STEP + 3, payment_reference: 'TAXPAY-RUN', permit_number: events[3].data.permitNumber });
    });
  });

  describe('records payments', () => {
    it('leads a payment of the assessed total to TAX_PAID and then PERMIT_ISSUED with a permit number', async () => {
      const placed = creamOrder().build();
      const { data } = await assessed(placed);
      await pay(placed, { assessmentId: data.notice.assessmentId, amount: '96.39', paymentReference: 'TAXPAY-1' });
      const [, taxPaid, permit] = await eventsOf(placed, 3);
      expect([taxPaid, permit].map((e) => [statusOf(e), e.step])).toEqual([
        ['TAX_PAID', APPROVED_STEP + 2],
        ['PERMIT_ISSUED', APPROVED_STEP + 3],
      ]);
      expect(taxPaid.data).toMatchObject({ withheld: false, amount: '96.39', paymentReference: 'TAXPAY-1', assessmentId: data.notice.assessmentId, clearanceModel: 'BONDED_ZONE', declaration: { orderId: placed.orderId } });
      expect(permit.data).toMatchObject({ clearanceModel: 'BONDED_ZONE', declaration: { orderId: placed.orderId } });
      expect(permit.data.permitNumber).toMatch(/^IP\d{4}\d{8}$/);
      const timers = await db().query(`SELECT 1 FROM tax_permit.timer WHERE subject = $1 AND fired_at IS NULL`, [subjectOf(placed)]);
      expect(timers).toEqual([]);
    });

    it('gives each permit its own number', async () => {
      const placed = [creamOrder('GENERAL_TRADE').build(), creamOrder('BONDED_ZONE').build()];
      for (const one of placed) {
        const { data } = await assessed(one);
        await pay(one, { assessmentId: data.notice.assessmentId, amount: data.notice.totals.total });
      }
      const numbers = await Promise.all(placed.map(async (one) => (await eventsOf(one, 3))[2].data.permitNumber));
      expect(new Set(numbers).size).toBe(2);
    });

    it('refuses a wrong amount with PAYMENT_AMOUNT_MISMATCH, and accepts the right amount later', async () => {
      const placed = creamOrder().build();
      const { data } = await assessed(placed);
      const wrong = await pay(placed, { assessmentId: data.notice.assessmentId, amount: '96.00' });
      const [, refused] = await eventsOf(placed, 2);
      expect(refused).toMatchObject({ type: TAX_PERMIT_EVENTS.requestRefused, step: APPROVED_STEP + 1 });
      expect(refused.data).toMatchObject({ reasonCode: 'PAYMENT_AMOUNT_MISMATCH', refusedEventId: wrong.id, refusedType: PLATFORM_EVENTS.taxPaid, details: [{ field: 'amount' }] });
      expect(refused.data.message).toContain('96.39');
      expect(statusOf(refused)).toBeUndefined();
      await pay(placed, { assessmentId: data.notice.assessmentId, amount: '96.39' });
      const [, , taxPaid, permit] = await eventsOf(placed, 4);
      expect([taxPaid.type, permit.type]).toEqual([TAX_PERMIT_EVENTS.taxPaid, TAX_PERMIT_EVENTS.permitIssued]);
    });

    it('refuses a payment for an order it has not assessed with UNEXPECTED_EVENT at step 0', async () => {
      const placed = creamOrder().build();
      const early = await pay(placed, { assessmentId: 'TA-unknown', amount: '96.39' });
      const [refused] = await eventsOf(placed);
      expect(refused).toMatchObject({ type: TAX_PERMIT_EVENTS.requestRefused, step: 0, data: { reasonCode: 'UNEXPECTED_EVENT', refusedEventId: early.id, clearanceModel: null } });
    });

    it('refuses a payment for a rejected order and for a model I order with UNEXPECTED_EVENT, state before content', async () => {
      const rejectedOrder = order().withItem({ hsCode: '9999990000' }).build();
      await approve(rejectedOrder);
      await eventsOf(rejectedOrder);
      await pay(rejectedOrder, { assessmentId: 'TA-x', amount: 96.39 });
      const [, refused] = await eventsOf(rejectedOrder, 2);
      expect(refused).toMatchObject({ step: APPROVED_STEP + 1, data: { reasonCode: 'UNEXPECTED_EVENT' } });

      const withheld = creamOrder('DIRECT_MAIL').build();
      await approve(withheld);
      const [{ data }] = await eventsOf(withheld, 2);
      await pay(withheld, { assessmentId: data.notice.assessmentId, amount: '96.39' });
      const [, , refusedToo] = await eventsOf(withheld, 3);
      expect(refusedToo).toMatchObject({ step: APPROVED_STEP + 2, data: { reasonCode: 'UNEXPECTED_EVENT', clearanceModel: 'DIRECT_MAIL' } });
    });

    it('refuses an invalid payment with INVALID_REQUEST and the field errors, and a payment of another assessment', async () => {
      const placed = creamOrder().build();
      const { data } = await assessed(placed);
      await pay(placed, { assessmentId: data.notice.assessmentId, amount: 96.39, paidAt: 'today' });
      await pay(placed, { assessmentId: 'TA-not-this-one', amount: '96.39' });
      const [, invalid, another] = await eventsOf(placed, 3);
      expect(invalid.data.reasonCode).toBe('INVALID_REQUEST');
      expect(new Set(invalid.data.details.map((d: { field: string }) => d.field))).toEqual(new Set(['amount', 'paidAt']));
      expect(another.data).toMatchObject({ reasonCode: 'INVALID_REQUEST', details: [{ field: 'assessmentId' }] });
      expect([invalid.step, another.step]).toEqual([APPROVED_STEP + 1, APPROVED_STEP + 1]);
    });

    it('ignores an identical re-send of the accepted payment under a new event id', async () => {
      const placed = creamOrder().build();
      const { data } = await assessed(placed);
      const payment = { assessmentId: data.notice.assessmentId, amount: '96.39', paymentReference: 'TAXPAY-R' };
      await pay(placed, payment);
      await eventsOf(placed, 3);
      await pay(placed, payment);
      // Another payment afterwards, on the same partition: refused, and only after the re-send was handled.
      await pay(placed, { ...payment, paymentReference: 'TAXPAY-OTHER' });
      const events = await eventsOf(placed, 4);
      expect(events.map((e) => e.type)).toEqual([TAX_PERMIT_EVENTS.taxAssessed, TAX_PERMIT_EVENTS.taxPaid, TAX_PERMIT_EVENTS.permitIssued, TAX_PERMIT_EVENTS.requestRefused]);
      expect(events[3]).toMatchObject({ step: APPROVED_STEP + 3, data: { reasonCode: 'UNEXPECTED_EVENT' } });
      expect(await outboxTypesOf(placed)).toHaveLength(4);
    });
  });

  describe('when the pickup expires after assessment', () => {
    it('gives the quota back once and publishes nothing', async () => {
      const placed = creamOrder().build();
      const { data } = await assessed(placed);
      await pay(placed, { assessmentId: data.notice.assessmentId, amount: '96.39' });
      await eventsOf(placed, 3);
      // Another order of the consumer keeps its count, so giving back twice would show.
      await assessed(creamOrder().consumer(placed.consumer.idNumber).build());
      expect(await ledgerOf(placed)).toBe('836.00');
      const expiry = () =>
        createEvent({
          type: LOGISTICS_EVENTS.pickupExpired,
          source: '/services/logistics',
          subject: subjectOf(placed),
          data: rejection(placed, 'BONDED_ZONE', 'PICKUP_EXPIRED', [{ message: 'not picked up in time' }]),
          step: APPROVED_STEP + 7,
        });
      const expiries = [expiry(), expiry()];
      for (const event of expiries) await send(TOPICS.logisticsEvents, event);
      await processed(expiries[1].id);
      expect(await ledgerOf(placed)).toBe('418.00');
      expect(await outboxTypesOf(placed)).toHaveLength(3);
      await pay(placed, { assessmentId: data.notice.assessmentId, amount: '96.39', paymentReference: 'LATE' });
      const [, , , refused] = await eventsOf(placed, 4);
      expect(refused).toMatchObject({ step: APPROVED_STEP + 7, data: { reasonCode: 'UNEXPECTED_EVENT' } });
    });
  });

  describe('keeps the tariff table', () => {
    it('starts from the seed of CONTRACT 4.1', async () => {
      const entries = await app.get(TariffTable).entries(db().manager);
      const byPrefix = (a: { hsPrefix: string }, b: { hsPrefix: string }) => a.hsPrefix.localeCompare(b.hsPrefix);
      expect(entries).toEqual([...TARIFF_SEED].sort(byPrefix));
    });

    it('publishes tariff-changed on an upsert, and a later assessment uses the new rate', async () => {
      const upsert = app.get(UpsertTariffEntryService);
      const entry = { hsPrefix: '910211', description: 'wrist watches, electronic', dutyRate: '0.08', vatRate: '0.13', consumptionTaxRate: '0.25', cbecEligible: true, quarantine: false, prohibited: false };
      expect(await upsert.upsertTariffEntry(entry)).toEqual({ ok: true, entry });
      const changed = { ...entry, consumptionTaxRate: '0.30' };
      await upsert.upsertTariffEntry(changed);
      const published = await taxEvents.waitFor((m) => m.json?.subject === 'tariff/910211', { count: 2 });
      expect(published.map((m) => [m.key, m.json.type, m.json.data])).toEqual([
        ['tariff/910211', TAX_PERMIT_EVENTS.tariffChanged, { entry }],
        ['tariff/910211', TAX_PERMIT_EVENTS.tariffChanged, { entry: changed }],
      ]);

      const placed = order('GENERAL_TRADE').withItem({ sku: 'WATCH', hsCode: '9102110000', quantity: 1, unitPrice: '1000.00' }).build();
      const event = await assessed(placed);
      // duty 80.00; ct 1080 / 0.7 * 0.3 = 462.857; vat (1080 + 462.857) * 0.13 = 200.571 (the seed's 9102 would give ct 270.00).
      expect(event.data.notice.totals).toEqual({ duty: '80.00', consumptionTax: '462.86', vat: '200.57', total: '743.43' });
    });

    it('answers an ops upsert command: tariff-changed with requestId = the command id, or tariff-change-refused with the field errors', async () => {
      const entry = { hsPrefix: '910212', description: 'wrist watches, mechanical', dutyRate: '0.08', vatRate: '0.13', consumptionTaxRate: '0.20', cbecEligible: true, quarantine: false, prohibited: true };
      const command = (data: unknown) => createEvent({ type: OPS_COMMANDS.upsertTariff, source: '/services/gateway', subject: `tariff/${(data as { entry: { hsPrefix: string } }).entry.hsPrefix}`, data });
      const accepted = command({ entry });
      const refused = command({ entry: { ...entry, hsPrefix: '910213', consumptionTaxRate: '1', prohibited: 'yes' } });
      await send(TOPICS.opsCommands, accepted);
      await send(TOPICS.opsCommands, refused);
      const [changed] = await taxEvents.waitFor((m) => m.json?.subject === 'tariff/910212');
      expect(changed.json).toMatchObject({ type: TAX_PERMIT_EVENTS.tariffChanged, causationid: accepted.id, data: { entry, requestId: accepted.id } });
      expect((await app.get(TariffTable).entries(db().manager)).find((e) => e.hsPrefix === '910212')).toEqual(entry);
      const [refusal] = await taxEvents.waitFor((m) => m.json?.subject === 'tariff/910213');
      expect(refusal.json).toMatchObject({ type: OPS_EVENTS.tariffChangeRefused, data: { requestId: refused.id, outcome: 'REFUSED', message: 'invalid tariff entry' } });
      expect(refusal.json.data.details.map((d: { field: string }) => d.field)).toEqual(['consumptionTaxRate', 'prohibited']);
      expect((await app.get(TariffTable).entries(db().manager)).some((e) => e.hsPrefix === '910213')).toBe(false);
    });

    it('refuses an invalid entry with field errors and publishes nothing', async () => {
      const result = await app.get(UpsertTariffEntryService).upsertTariffEntry({ ...TARIFF_SEED[0], hsPrefix: '12', consumptionTaxRate: '1' });
      expect(result).toMatchObject({ ok: false, errors: [{ field: 'hsPrefix' }, { field: 'consumptionTaxRate' }] });
      expect(await db().query(`SELECT 1 FROM tax_permit.outbox WHERE key = 'tariff/12'`)).toEqual([]);
    });
  });

  describe('personal data in the annual ledger', () => {
    /** Rows of the ledger's tables, as text, that contain the ID number anywhere. */
    const rowsContaining = async (idNumber: string) =>
      db().query(
        `SELECT 'annual_ledger' AS tab FROM tax_permit.annual_ledger t WHERE row_to_json(t)::text LIKE $1
         UNION ALL SELECT 'ledger_entry' FROM tax_permit.ledger_entry t WHERE row_to_json(t)::text LIKE $1`,
        [`%${idNumber}%`],
      );

    it('files the consumer under the HMAC of their ID number, never the number, and still stops the sixth order of 4900.00 with ANNUAL_LIMIT_EXCEEDED', async () => {
      const idNumber = newConsumer();
      const orders = Array.from({ length: 6 }, (_, i) => order().consumer(idNumber).id(`TGPD${Date.now()}${i}`).withItem(handbag('4900.00')).build());
      for (const placed of orders.slice(0, 5)) await assessed(placed);
      await approve(orders[5]);
      const [sixth] = await eventsOf(orders[5]);
      expect(sixth).toMatchObject({ type: TAX_PERMIT_EVENTS.rejected, data: { reasonCode: 'ANNUAL_LIMIT_EXCEEDED' } });

      const key = consumerKeyOf(idNumber, SECRET);
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(await db().query('SELECT consumer_key, total FROM tax_permit.annual_ledger WHERE consumer_key = $1', [key])).toEqual([{ consumer_key: key, total: '24500.00' }]);
      const entries = await db().query('SELECT DISTINCT consumer_key FROM tax_permit.ledger_entry WHERE order_id = ANY($1)', [orders.map((o) => o.orderId)]);
      expect(entries).toEqual([{ consumer_key: key }]);
      expect(await rowsContaining(idNumber)).toEqual([]);
      // What the ledger announces to the gateway names the consumer by the same key.
      const [announced] = await taxEvents.waitFor((m) => m.json?.type === TAX_PERMIT_EVENTS.annualTotalChanged && m.json.data.orderId === orders[4].orderId);
      expect(announced.json.data).toEqual({ platformId: orders[4].platformId, orderId: orders[4].orderId, consumerKey: key, quotaYear: 2026, total: '24500.00', version: 5 });
      expect(announced.value).not.toContain(idNumber);
    });

    it('converts a ledger kept under ID numbers into one kept under their keys (migration 1764000000402)', async () => {
      const runner = db().createQueryRunner();
      await runner.connect();
      const [first, second] = [newConsumer(), newConsumer()];
      try {
        await runner.query('CREATE SCHEMA tax_permit_before_keys');
        await runner.query('SET search_path TO tax_permit_before_keys');
        await new CreateTaxPermit1764000000400().up(runner);
        await new AddAfterSale1764000000401().up(runner);
        await runner.query(`INSERT INTO annual_ledger (consumer_id_number, quota_year, total, version) VALUES ($1, 2025, 100.00, 1), ($1, 2026, 418.00, 2), ($2, 2026, 20000.00, 1)`, [first, second]);
        await runner.query(
          `INSERT INTO ledger_entry (platform_id, order_id, consumer_id_number, quota_year, amount) VALUES ('tmall-global', 'A', $1, 2025, 100.00), ('tmall-global', 'B', $1, 2026, 418.00), ('jd-worldwide', 'C', $2, 2026, 20000.00)`,
          [first, second],
        );

        await new KeyLedgerByConsumerKey1764000000402().up(runner);

        const [firstKey, secondKey] = [consumerKeyOf(first, SECRET), consumerKeyOf(second, SECRET)];
        expect(await runner.query('SELECT consumer_key, quota_year, total, version FROM annual_ledger ORDER BY total')).toEqual([
          { consumer_key: firstKey, quota_year: 2025, total: '100.00', version: 1 },
          { consumer_key: firstKey, quota_year: 2026, total: '418.00', version: 2 },
          { consumer_key: secondKey, quota_year: 2026, total: '20000.00', version: 1 },
        ]);
        expect(await runner.query('SELECT order_id, consumer_key FROM ledger_entry ORDER BY order_id')).toEqual([
          { order_id: 'A', consumer_key: firstKey },
          { order_id: 'B', consumer_key: firstKey },
          { order_id: 'C', consumer_key: secondKey },
        ]);
        // The entries still point at their ledger row.
        await expect(runner.query(`INSERT INTO ledger_entry (platform_id, order_id, consumer_key, quota_year, amount) VALUES ('tmall-global', 'D', $1, 2026, 1.00)`, [first])).rejects.toThrow(/foreign key/);
      } finally {
        await runner.query('RESET search_path');
        await runner.query('DROP SCHEMA IF EXISTS tax_permit_before_keys CASCADE');
        await runner.release();
      }
    });
  });

  describe('with a short TAX_DUE_MS', () => {
    // Long enough for the restart test to close the app before its timer is due.
    const TAX_DUE_MS = 8000;

    beforeAll(async () => {
      await app.close();
      process.env.TAX_DUE_MS = String(TAX_DUE_MS);
      app = await createApp();
    });

    afterAll(() => {
      delete process.env.TAX_DUE_MS;
    });

    it('rejects an unpaid order with TAX_UNPAID_TIMEOUT and gives the quota back, so a later order fits again', async () => {
      const placed = order().withItem(handbag('20000.00')).build();
      const { data } = await assessed(placed);
      expect(Date.parse(data.notice.dueBy) - Date.now()).toBeLessThanOrEqual(TAX_DUE_MS);
      const [, timedOut] = await eventsOf(placed, 2);
      expect(timedOut).toMatchObject({ type: TAX_PERMIT_EVENTS.rejected, step: APPROVED_STEP + 2, data: { reasonCode: 'TAX_UNPAID_TIMEOUT', clearanceModel: 'BONDED_ZONE' } });
      expect(Date.parse(timedOut.time)).toBeGreaterThanOrEqual(Date.parse(data.notice.dueBy));
      expect(await ledgerOf(placed)).toBe('0.00');

      const later = order().consumer(placed.consumer.idNumber).withItem(handbag('20000.00')).build();
      await assessed(later);
      expect(await ledgerOf(later)).toBe('20000.00');
      await pay(placed, { assessmentId: data.notice.assessmentId, amount: data.notice.totals.total });
      const [, , refused] = await eventsOf(placed, 3);
      expect(refused).toMatchObject({ step: APPROVED_STEP + 2, data: { reasonCode: 'UNEXPECTED_EVENT' } });
    });

    it('fires a pending tax-due timer once after the app is closed and created again', async () => {
      const placed = creamOrder().build();
      await assessed(placed);
      await app.close();
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      const { rows: pending } = await client.query(`SELECT fired_at FROM tax_permit.timer WHERE kind = 'tax-permit.tax-due' AND subject = $1`, [subjectOf(placed)]);
      await client.end();
      expect(pending).toEqual([{ fired_at: null }]);
      expect(taxEvents.eventsOf(subjectOf(placed)).filter(ofTheOrder)).toHaveLength(1);

      app = await createApp();
      const [, timedOut] = await eventsOf(placed, 2);
      expect(timedOut).toMatchObject({ type: TAX_PERMIT_EVENTS.rejected, step: APPROVED_STEP + 2, data: { reasonCode: 'TAX_UNPAID_TIMEOUT' } });
      expect(await ledgerOf(placed)).toBe('0.00');
      expect(await outboxTypesOf(placed)).toEqual([TAX_PERMIT_EVENTS.taxAssessed, TAX_PERMIT_EVENTS.rejected]);
    });
  });
});
