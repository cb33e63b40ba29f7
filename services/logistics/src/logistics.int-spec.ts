// The logistics service in process, on the real Kafka and PostgreSQL, driven only through Kafka:
// the declaration's and tax-permit's events and the platform's receipts go in, and what comes
// out on cbec.logistics.events is checked: statuses, steps, notices, refusals, timers.
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import {
  Declaration,
  DECLARATION_EVENTS,
  DocumentKind,
  DocumentsRequestedData,
  LOGISTICS_EVENTS,
  OrderPlacedData,
  orderKey,
  PermitIssuedData,
  PLATFORM_EVENTS,
  STATUS_EVENTS,
  TAX_PERMIT_EVENTS,
  TaxSettledData,
  TOPICS,
} from '@cbec/contracts';
import { createEvent, Messaging } from '@cbec/messaging';
import { anOrder, eventually, platformEvent, TestPublisher, TopicProbe } from '@cbec/testing';
import { AppModule } from './app.module';
import { BONDED_STORAGE_SITES } from './hand-over/pickup.rule';

const SEVEN_DAYS_MS = 604_800_000;
/** A short lock-out after too many wrong pickup codes (PICKUP_CODE_LOCKOUT_MS), so a test can outwait it. */
const PICKUP_CODE_LOCKOUT_MS = 5000;

describe('logistics service', () => {
  let app: INestApplicationContext | undefined;
  let publisher: TestPublisher;
  let logisticsEvents: TopicProbe;

  const startApp = async (pickupWindowMs?: number) => {
    if (pickupWindowMs === undefined) delete process.env.PICKUP_WINDOW_MS;
    else process.env.PICKUP_WINDOW_MS = String(pickupWindowMs);
    process.env.PICKUP_CODE_LOCKOUT_MS = String(PICKUP_CODE_LOCKOUT_MS);
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
  };
  const stopApp = async () => {
    await app?.close();
    app = undefined;
  };

  beforeAll(async () => {
    await startApp();
    publisher = await TestPublisher.start();
    logisticsEvents = await TopicProbe.start([TOPICS.logisticsEvents]);
  });

  afterAll(async () => {
    await logisticsEvents?.stop();
    await publisher?.stop();
    await stopApp();
    delete process.env.PICKUP_WINDOW_MS;
    delete process.env.PICKUP_CODE_LOCKOUT_MS;
  });

  // --- what the upstream services and the platform publish -------------------------------------

  const refOf = (order: OrderPlacedData) => ({ platformId: order.platformId, orderId: order.orderId });
  const subjectOf = (order: OrderPlacedData) => orderKey(order.platformId, order.orderId);

  const declarationOf = (order: OrderPlacedData, waybillNumber = order.logistics.waybillNumber): Declaration => ({
    ...refOf(order),
    declarationNumber: `DEC-${order.orderId}`,
    clearanceModel: order.clearanceModel,
    ...(order.bondedZone ? { bondedZone: order.bondedZone } : {}),
    placedAt: order.placedAt,
    currency: order.currency,
    consignee: order.consumer,
    logistics: { carrier: order.logistics.carrier, waybillNumber: waybillNumber! },
    payment: { provider: order.payment.provider, transactionId: order.payment.transactionId, amount: order.payment.amount },
    items: order.items,
    freight: order.freight ?? '0.00',
    insurance: order.insurance ?? '0.00',
    documents: [],
    declaredAt: new Date().toISOString(),
  });

  const sendUpstream = async <T>(topic: string, type: string, order: OrderPlacedData, data: T, step: number) => {
    const event = createEvent({ type, source: `/services/${topic.split('.')[1]}`, subject: subjectOf(order), data, step });
    await publisher.sendStructured(topic, { ...event });
    return event;
  };

  const requestDocuments = (order: OrderPlacedData, step = 2, requestedDocuments: DocumentKind[] = ['PACKING_LIST', 'INVOICE', 'CONTRACT']) =>
    sendUpstream<DocumentsRequestedData>(TOPICS.declarationEvents, DECLARATION_EVENTS.documentsRequested, order, { ...refOf(order), clearanceModel: order.clearanceModel, requestedDocuments, order }, step);

  const payTax = (order: OrderPlacedData, declaration: Declaration, step: number) =>
    sendUpstream<TaxSettledData>(
      TOPICS.taxPermitEvents,
      TAX_PERMIT_EVENTS.taxPaid,
      order,
      { ...refOf(order), clearanceModel: order.clearanceModel, declaration, assessmentId: `TA-${order.orderId}`, amount: '96.39', withheld: !declaration.bondedZone },
      step,
    );

  const issuePermit = (order: OrderPlacedData, step: number, permitNumber = `IP-${order.orderId}`) =>
    sendUpstream<PermitIssuedData>(TOPICS.taxPermitEvents, TAX_PERMIT_EVENTS.permitIssued, order, { ...refOf(order), clearanceModel: order.clearanceModel, declaration: declarationOf(order), permitNumber }, step);

  const receiptData = (order: OrderPlacedData, receipt: Record<string, unknown> = {}) => ({
    ...refOf(order),
    receivedBy: 'Li Wei',
    receivedAt: '2026-11-13T10:00:00+08:00',
    method: 'SIGNATURE',
    ...receipt,
  });
  const sendReceipt = async (order: OrderPlacedData, receipt: Record<string, unknown> = {}) => {
    const event = platformEvent(PLATFORM_EVENTS.goodsReceived, receiptData(order, receipt));
    await publisher.sendStructured(TOPICS.platformInbound, event);
    return event;
  };

  // --- what comes out --------------------------------------------------------------------------

  const outcomes = async (order: OrderPlacedData, count = 1) =>
    (await logisticsEvents.waitFor((m) => m.json?.subject === subjectOf(order), { count, what: `${count} logistics event(s) of ${subjectOf(order)}` })).map((m) => m.json);
  const statusOf = (event: { type: string }) => STATUS_EVENTS[event.type]?.status;

  /** Everything sent so far has been handled and published: the consumer caught up, then a marker came out. */
  const quiet = async () => {
    await eventually(async () => (await app!.get(Messaging).consumerLagNow()) === 0 || undefined, { what: 'the logistics consumer to catch up' });
    const marker = anOrder().build();
    await sendReceipt(marker);
    await outcomes(marker);
  };

  const readyForPickup = async (order: OrderPlacedData, permitStep = 10) => {
    await issuePermit(order, permitStep);
    const [, ready] = await outcomes(order, 2);
    expect(statusOf(ready)).toBe('READY_FOR_PICKUP');
    return ready;
  };

  describe('documents for model I', () => {
    it('provides the packing list, invoice and contract, with a waybill it assigns when the order has none', async () => {
      const order = anOrder().directMail().with((o) => delete o.logistics.waybillNumber).build();
      await requestDocuments(order, 2);
      const [provided] = await outcomes(order);
      expect(provided).toMatchObject({ type: LOGISTICS_EVENTS.documentsProvided, source: '/services/logistics', subject: subjectOf(order), step: 3 });
      expect(statusOf(provided)).toBe('DOCUMENTS_READY');
      const { waybillNumber } = provided.data;
      expect(waybillNumber).toMatch(/^SF\d{12}$/);
      expect(provided.data).toEqual({
        ...refOf(order),
        clearanceModel: 'DIRECT_MAIL',
        waybillNumber,
        documents: [
          { kind: 'PACKING_LIST', providedBy: 'LOGISTICS', reference: `PL-${waybillNumber}` },
          { kind: 'INVOICE', providedBy: 'LOGISTICS', reference: `CI-${waybillNumber}` },
          { kind: 'CONTRACT', providedBy: 'LOGISTICS', reference: `CT-${waybillNumber}` },
        ],
      });
    });

    it('assigns different waybills to different orders', async () => {
      const [first, second] = [1, 2].map(() => anOrder().directMail().with((o) => delete o.logistics.waybillNumber).build());
      await requestDocuments(first);
      await requestDocuments(second);
      const [[a], [b]] = await Promise.all([outcomes(first), outcomes(second)]);
      expect(a.data.waybillNumber).not.toBe(b.data.waybillNumber);
    });

    it("keeps the waybill the order came with", async () => {
      const order = anOrder().directMail().with((o) => (o.logistics.waybillNumber = 'SF1234567890')).build();
      await requestDocuments(order);
      const [provided] = await outcomes(order);
      expect(provided.data.waybillNumber).toBe('SF1234567890');
      expect(provided.data.documents.map((d: { reference: string }) => d.reference)).toEqual(['PL-SF1234567890', 'CI-SF1234567890', 'CT-SF1234567890']);
    });

    it('provides the documents once when the request is delivered twice', async () => {
      const order = anOrder().directMail().build();
      const request = await requestDocuments(order);
      await publisher.sendStructured(TOPICS.declarationEvents, { ...request });
      await requestDocuments(order);
      await quiet();
      expect(logisticsEvents.eventsOf(subjectOf(order)).map((e) => e.type)).toEqual([LOGISTICS_EVENTS.documentsProvided]);
    });
  });

  describe('delivery to the door (model I)', () => {
    const deliveredOrder = async () => {
      const order = anOrder().directMail().with((o) => delete o.logistics.waybillNumber).build();
      await requestDocuments(order, 2);
      const [provided] = await outcomes(order);
      await payTax(order, declarationOf(order, provided.data.waybillNumber), 9);
      const [, dispatched, out] = await outcomes(order, 3);
      return { order, waybillNumber: provided.data.waybillNumber as string, dispatched, out };
    };

    it('dispatches and sends the goods out for delivery when the tax is paid, and completes on a signature', async () => {
      const { order, waybillNumber, dispatched, out } = await deliveredOrder();
      expect(dispatched).toMatchObject({ type: LOGISTICS_EVENTS.dispatched, step: 10, data: { ...refOf(order), clearanceModel: 'DIRECT_MAIL', carrier: 'SF-INTL', waybillNumber } });
      expect(statusOf(dispatched)).toBe('IN_TRANSIT');
      expect(out).toMatchObject({ type: LOGISTICS_EVENTS.outForDelivery, step: 11, data: { clearanceModel: 'DIRECT_MAIL', notice: { carrier: 'SF-INTL', waybillNumber } } });
      expect(statusOf(out)).toBe('OUT_FOR_DELIVERY');

      await sendReceipt(order, { method: 'SIGNATURE' });
      const [, , , completed] = await outcomes(order, 4);
      expect(completed).toMatchObject({ type: LOGISTICS_EVENTS.delivered, step: 12, data: { ...refOf(order), clearanceModel: 'DIRECT_MAIL' } });
      expect(statusOf(completed)).toBe('COMPLETED');
      expect(completed.data.notice).toEqual({ declarationNumber: `DEC-${order.orderId}`, completedAt: expect.any(String) });
      expect(Date.parse(completed.data.notice.completedAt)).not.toBeNaN();
    });

    it('ignores an identical re-send of the accepted receipt, and refuses a different one as unexpected', async () => {
      const { order } = await deliveredOrder();
      const accepted = await sendReceipt(order);
      await outcomes(order, 4);
      await publisher.sendStructured(TOPICS.platformInbound, accepted);
      await sendReceipt(order);
      await quiet();
      expect(logisticsEvents.eventsOf(subjectOf(order)).map(statusOf)).toEqual(['DOCUMENTS_READY', 'IN_TRANSIT', 'OUT_FOR_DELIVERY', 'COMPLETED']);

      const other = await sendReceipt(order, { receivedBy: 'Wang Fang' });
      const [, , , , refused] = await outcomes(order, 5);
      expect(refused).toMatchObject({ type: LOGISTICS_EVENTS.requestRefused, step: 12, data: { reasonCode: 'UNEXPECTED_EVENT', refusedEventId: other.id } });
    });

    it('refuses a receipt before the hand-over with UNEXPECTED_EVENT, at the step it knows', async () => {
      const order = anOrder().directMail().build();
      await requestDocuments(order, 2);
      await outcomes(order);
      const early = await sendReceipt(order);
      const [, refused] = await outcomes(order, 2);
      expect(refused).toMatchObject({
        type: LOGISTICS_EVENTS.requestRefused,
        source: '/services/logistics',
        step: 3,
        data: { ...refOf(order), clearanceModel: 'DIRECT_MAIL', reasonCode: 'UNEXPECTED_EVENT', refusedEventId: early.id, refusedType: PLATFORM_EVENTS.goodsReceived, message: expect.any(String) },
      });
      expect(statusOf(refused)).toBeUndefined();
    });

    it('refuses a receipt for an order it does not know with UNEXPECTED_EVENT at step 0', async () => {
      const order = anOrder().build();
      await sendReceipt(order);
      const [refused] = await outcomes(order);
      expect(refused).toMatchObject({ step: 0, data: { ...refOf(order), clearanceModel: null, reasonCode: 'UNEXPECTED_EVENT' } });
    });

    it('refuses a PICKUP receipt for a delivery with INVALID_REQUEST naming method', async () => {
      const { order } = await deliveredOrder();
      await sendReceipt(order, { method: 'PICKUP', pickupCode: '123456' });
      const [, , , refused] = await outcomes(order, 4);
      expect(refused).toMatchObject({ step: 11, data: { reasonCode: 'INVALID_REQUEST', details: [{ field: 'method' }] } });
    });
  });

  describe('pickup at a designated location (models II and III)', () => {
    it('dispatches a bonded order to its zone bonded site with a code, refuses a wrong code, and completes on the right one', async () => {
      const order = anOrder().bonded('HANGZHOU').build();
      await issuePermit(order, 10, 'IP-330120261111000001');
      const [dispatched, ready] = await outcomes(order, 2);
      expect(dispatched).toMatchObject({ type: LOGISTICS_EVENTS.dispatched, step: 11, data: { clearanceModel: 'BONDED_ZONE', carrier: 'SF-INTL', waybillNumber: order.logistics.waybillNumber } });
      expect(statusOf(dispatched)).toBe('IN_TRANSIT');
      expect(ready).toMatchObject({ type: LOGISTICS_EVENTS.readyForPickup, step: 12, data: { ...refOf(order), clearanceModel: 'BONDED_ZONE' } });
      expect(statusOf(ready)).toBe('READY_FOR_PICKUP');
      const { notice } = ready.data;
      expect(notice.location).toEqual(BONDED_STORAGE_SITES.HANGZHOU);
      expect(notice.location.name).toContain('Hangzhou');
      expect(notice.pickupCode).toMatch(/^\d{6}$/);
      expect(Date.parse(notice.availableUntil) - Date.parse(notice.availableFrom)).toBe(SEVEN_DAYS_MS);
      expect(Math.abs(Date.parse(notice.availableFrom) - Date.now())).toBeLessThan(60_000);

      const wrongCode = String((Number(notice.pickupCode) + 1) % 1_000_000).padStart(6, '0');
      const wrong = await sendReceipt(order, { method: 'PICKUP', pickupCode: wrongCode });
      const [, , refused] = await outcomes(order, 3);
      expect(refused).toMatchObject({ type: LOGISTICS_EVENTS.requestRefused, step: 12, data: { reasonCode: 'PICKUP_CODE_MISMATCH', refusedEventId: wrong.id } });

      await sendReceipt(order, { method: 'PICKUP', pickupCode: notice.pickupCode });
      const [, , , completed] = await outcomes(order, 4);
      expect(completed).toMatchObject({ type: LOGISTICS_EVENTS.delivered, step: 13 });
      expect(statusOf(completed)).toBe('COMPLETED');
      expect(completed.data.notice).toEqual({ declarationNumber: `DEC-${order.orderId}`, permitNumber: 'IP-330120261111000001', completedAt: expect.any(String) });
    });

    it('refuses every code, the right one too, after 5 wrong codes sent at once, with PICKUP_CODE_MISMATCH, and takes the right one after the cool-down', async () => {
      const order = anOrder().bonded('HANGZHOU').build();
      const ready = await readyForPickup(order);
      const { pickupCode } = ready.data.notice;
      const wrongCodes = [1, 2, 3, 4, 5].map((n) => String((Number(pickupCode) + n) % 1_000_000).padStart(6, '0'));
      await Promise.all(wrongCodes.map((code) => sendReceipt(order, { method: 'PICKUP', pickupCode: code })));
      const right = await sendReceipt(order, { method: 'PICKUP', pickupCode });

      const refusals = (await outcomes(order, 2 + 6)).slice(2);
      expect(refusals.map((e) => [e.type, e.step, e.data.reasonCode])).toEqual(Array(6).fill([LOGISTICS_EVENTS.requestRefused, 12, 'PICKUP_CODE_MISMATCH']));
      expect(refusals[5].data).toMatchObject({ refusedEventId: right.id, message: expect.stringContaining('too many wrong pickup codes') });
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      const [{ status, pickup_locked_until: lockedUntil }] = (await client.query('SELECT status, pickup_locked_until FROM logistics.shipment WHERE platform_id = $1 AND order_id = $2', [order.platformId, order.orderId])).rows;
      await client.end();
      expect(status).toBe('READY_FOR_PICKUP');
      expect(lockedUntil.getTime() - Date.now()).toBeLessThanOrEqual(PICKUP_CODE_LOCKOUT_MS);

      await eventually(() => Date.now() > lockedUntil.getTime() || undefined, { what: 'the lock-out to pass', timeoutMs: PICKUP_CODE_LOCKOUT_MS + 5000 });
      await sendReceipt(order, { method: 'PICKUP', pickupCode });
      const completed = (await outcomes(order, 2 + 6 + 1))[8];
      expect(completed).toMatchObject({ type: LOGISTICS_EVENTS.delivered, step: 13 });
      expect(statusOf(completed)).toBe('COMPLETED');
    });

    it('puts a bonded order of Zhengzhou at the Zhengzhou bonded site', async () => {
      const ready = await readyForPickup(anOrder().bonded('ZHENGZHOU').build());
      expect(ready.data.notice.location).toEqual(BONDED_STORAGE_SITES.ZHENGZHOU);
    });

    it("puts a general-trade order at the customs-designated point of the consignee's city", async () => {
      const order = anOrder()
        .generalTrade()
        .with((o) => (o.consumer.address = { province: 'Sichuan', city: 'Chengdu', district: 'Wuhou', line1: '8 Renmin South Rd', postalCode: '610041' }))
        .build();
      const ready = await readyForPickup(order);
      expect(ready.data.clearanceModel).toBe('GENERAL_TRADE');
      expect(ready.data.notice.location).toEqual({ name: 'Chengdu customs-designated pickup point', address: expect.stringContaining('Chengdu') });
      await sendReceipt(order, { method: 'PICKUP', pickupCode: ready.data.notice.pickupCode });
      const [, , completed] = await outcomes(order, 3);
      expect(completed.data.notice).toMatchObject({ declarationNumber: `DEC-${order.orderId}`, permitNumber: `IP-${order.orderId}` });
    });

    it('refuses a SIGNATURE receipt for a pickup with INVALID_REQUEST naming method', async () => {
      const order = anOrder().bonded().build();
      await readyForPickup(order);
      await sendReceipt(order, { method: 'SIGNATURE' });
      const [, , refused] = await outcomes(order, 3);
      expect(refused).toMatchObject({ step: 12, data: { reasonCode: 'INVALID_REQUEST', details: [{ field: 'method', message: expect.stringContaining('PICKUP') }] } });
    });

    it('refuses an invalid receipt with INVALID_REQUEST and the field errors', async () => {
      const order = anOrder().generalTrade().build();
      await readyForPickup(order);
      await sendReceipt(order, { method: 'BY_DRONE', receivedAt: 'yesterday', receivedBy: undefined });
      const [, , refused] = await outcomes(order, 3);
      expect(refused.data.reasonCode).toBe('INVALID_REQUEST');
      expect(new Set(refused.data.details.map((d: { field: string }) => d.field))).toEqual(new Set(['receivedBy', 'receivedAt', 'method']));
    });

    it('hands the goods over once when the permit comes twice', async () => {
      const order = anOrder().bonded().build();
      const permit = await issuePermit(order, 10);
      await outcomes(order, 2);
      await publisher.sendStructured(TOPICS.taxPermitEvents, { ...permit });
      await issuePermit(order, 10);
      await quiet();
      expect(logisticsEvents.eventsOf(subjectOf(order)).map(statusOf)).toEqual(['IN_TRANSIT', 'READY_FOR_PICKUP']);
    });

    it('does nothing when the tax of an order that waits for a permit is paid', async () => {
      const general = anOrder().generalTrade().build();
      const bonded = anOrder().bonded().build();
      await payTax(general, declarationOf(general), 9);
      await payTax(bonded, declarationOf(bonded), 9);
      await quiet();
      expect(logisticsEvents.eventsOf(subjectOf(general))).toEqual([]);
      expect(logisticsEvents.eventsOf(subjectOf(bonded))).toEqual([]);
    });
  });

  describe('a run of events taken together', () => {
    const upstream = <T>(type: string, order: OrderPlacedData, data: T, step: number) => createEvent({ type, source: '/services/tax-permit', subject: subjectOf(order), data, step });
    const paid = (order: OrderPlacedData, step: number) =>
      upstream<TaxSettledData>(TAX_PERMIT_EVENTS.taxPaid, order, { ...refOf(order), clearanceModel: order.clearanceModel, declaration: declarationOf(order), assessmentId: `TA-${order.orderId}`, amount: '96.39', withheld: order.clearanceModel === 'DIRECT_MAIL' }, step);
    const permitted = (order: OrderPlacedData, step: number) =>
      upstream<PermitIssuedData>(TAX_PERMIT_EVENTS.permitIssued, order, { ...refOf(order), clearanceModel: order.clearanceModel, declaration: declarationOf(order), permitNumber: `IP-${order.orderId}` }, step);

    it('hands over the goods of a run of releases once each, tax paid and permits alternating, and takes a run of receipts in turn', async () => {
      const door = anOrder().directMail().build();
      const [bonded, general] = [anOrder().bonded(), anOrder().generalTrade()].map((b) => b.build());
      const permit = permitted(bonded, 10);
      await publisher.sendAllStructured(TOPICS.taxPermitEvents, [paid(door, 9), paid(bonded, 9), permit, paid(general, 9), permitted(general, 10), permit, permitted(bonded, 10)]);
      const [[, out], [, ready], [, readyToo]] = await Promise.all([door, bonded, general].map((order) => outcomes(order, 2)));
      expect([out, ready, readyToo].map(statusOf)).toEqual(['OUT_FOR_DELIVERY', 'READY_FOR_PICKUP', 'READY_FOR_PICKUP']);

      const wrongCode = String((Number(ready.data.notice.pickupCode) + 1) % 1_000_000).padStart(6, '0');
      const signature = platformEvent(PLATFORM_EVENTS.goodsReceived, receiptData(door));
      const pickup = (order: OrderPlacedData, pickupCode: string) => platformEvent(PLATFORM_EVENTS.goodsReceived, receiptData(order, { method: 'PICKUP', pickupCode }));
      const pickedUp = pickup(general, readyToo.data.notice.pickupCode);
      await publisher.sendAllStructured(TOPICS.platformInbound, [
        signature,
        pickup(bonded, wrongCode),
        { ...signature, id: 'again-' + signature.id },
        pickup(bonded, ready.data.notice.pickupCode),
        pickedUp,
        pickup(general, readyToo.data.notice.pickupCode),
        platformEvent(PLATFORM_EVENTS.goodsReceived, receiptData(bonded, { method: 'PICKUP', pickupCode: ready.data.notice.pickupCode, receivedBy: 'Wang Fang' })),
      ]);
      await Promise.all([door, bonded, general].map((order) => outcomes(order, 3)));
      await quiet();

      const kinds = (order: OrderPlacedData) => logisticsEvents.eventsOf(subjectOf(order)).map((e) => [statusOf(e) ?? e.data.reasonCode, e.step]);
      expect(kinds(door)).toEqual([['IN_TRANSIT', 10], ['OUT_FOR_DELIVERY', 11], ['COMPLETED', 12]]);
      expect(kinds(bonded)).toEqual([['IN_TRANSIT', 11], ['READY_FOR_PICKUP', 12], ['PICKUP_CODE_MISMATCH', 12], ['COMPLETED', 13], ['UNEXPECTED_EVENT', 13]]);
      expect(kinds(general)).toEqual([['IN_TRANSIT', 11], ['READY_FOR_PICKUP', 12], ['COMPLETED', 13]]);
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      const { rows } = await client.query(
        `SELECT order_id, status, pickup_wrong_codes, (SELECT count(*)::int FROM logistics.timer t WHERE t.subject = s.platform_id || '/' || s.order_id AND t.fired_at IS NULL) AS timers
         FROM logistics.shipment s WHERE order_id = ANY($1) ORDER BY order_id`,
        [[door.orderId, bonded.orderId, general.orderId]],
      );
      await client.end();
      expect(rows).toEqual([door, bonded, general].map((order) => ({ order_id: order.orderId, status: 'COMPLETED', pickup_wrong_codes: 0, timers: 0 })).sort((a, b) => a.order_id.localeCompare(b.order_id)));
    });
  });

  describe('the pickup window', () => {
    const pendingTimers = async (order: OrderPlacedData) => {
      const client = new Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      try {
        const { rows } = await client.query(`SELECT fired_at FROM logistics.timer WHERE kind = 'logistics.pickup-expiry' AND subject = $1`, [subjectOf(order)]);
        return rows as { fired_at: Date | null }[];
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      await stopApp();
      await startApp(2_000);
    });

    it('rejects with PICKUP_EXPIRED when nobody picks the goods up in time, and refuses a receipt after that', async () => {
      const order = anOrder().bonded().build();
      const ready = await readyForPickup(order);
      expect(Date.parse(ready.data.notice.availableUntil) - Date.parse(ready.data.notice.availableFrom)).toBe(2_000);
      const [, , expired] = await outcomes(order, 3);
      expect(expired).toMatchObject({ type: LOGISTICS_EVENTS.pickupExpired, step: 13, data: { ...refOf(order), clearanceModel: 'BONDED_ZONE', reasonCode: 'PICKUP_EXPIRED', notice: { reasonCode: 'PICKUP_EXPIRED' } } });
      expect(statusOf(expired)).toBe('REJECTED');
      expect(Date.parse(expired.time) - Date.parse(ready.data.notice.availableUntil)).toBeLessThan(2_000);

      await sendReceipt(order, { method: 'PICKUP', pickupCode: ready.data.notice.pickupCode });
      const [, , , refused] = await outcomes(order, 4);
      expect(refused).toMatchObject({ type: LOGISTICS_EVENTS.requestRefused, step: 13, data: { reasonCode: 'UNEXPECTED_EVENT' } });
    });

    it('does not expire a pickup completed in time', async () => {
      const order = anOrder().generalTrade().build();
      const ready = await readyForPickup(order);
      await sendReceipt(order, { method: 'PICKUP', pickupCode: ready.data.notice.pickupCode });
      await outcomes(order, 3);
      expect(await pendingTimers(order)).toEqual([]);
      await eventually(() => Date.now() > Date.parse(ready.data.notice.availableUntil) + 1_000, { what: 'the window to pass' });
      await quiet();
      expect(logisticsEvents.eventsOf(subjectOf(order)).map(statusOf)).toEqual(['IN_TRANSIT', 'READY_FOR_PICKUP', 'COMPLETED']);
    });

    it('keeps a pending pickup timer across a restart of the service, and fires it once', async () => {
      await stopApp();
      await startApp(6_000);
      const order = anOrder().bonded('ZHENGZHOU').build();
      await readyForPickup(order);
      await stopApp();
      expect(await pendingTimers(order)).toEqual([{ fired_at: null }]);

      await startApp(6_000);
      const [, , expired] = await outcomes(order, 3);
      expect(expired.data.reasonCode).toBe('PICKUP_EXPIRED');
      await quiet();
      expect(logisticsEvents.eventsOf(subjectOf(order)).map(statusOf)).toEqual(['IN_TRANSIT', 'READY_FOR_PICKUP', 'REJECTED']);
      // A fired timer leaves no row behind.
      expect(await pendingTimers(order)).toEqual([]);
    });
  });
});
