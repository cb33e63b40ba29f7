// The inspection service in process, on the real Kafka and PostgreSQL, driven only through Kafka:
// declarations, proofs, officer decisions and tariff changes in; what comes out on
// cbec.inspection.events (statuses, steps, notices, refusals), timers included.
import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Pool } from 'pg';
import { CustomsReceiptData, INSPECTION_EVENTS, OPS_EVENTS, OrderPlacedData, orderKey, STATUS_EVENTS, TOPICS } from '@cbec/contracts';
import { TARIFF_SEED } from '@cbec/domain';
import { CloudEvent, encodeEvent } from '@cbec/messaging';
import { anOrder, eventually, TestPublisher, TopicProbe } from '@cbec/testing';
import { AppModule, INSPECTION_SERVICE } from './app.module';
import { declarationSubmitted, inspectionDecision, inventoryReceipt, proofSubmitted, tariffChanged } from './upstream-events.builder';

/** The step of DeclarationSubmitted in these tests (s); inspection's events follow from s + 1. */
const S = 4;
const BOTH_KINDS = ['INVOICE', 'TRANSACTION_RECORD'] as const;

type Settings = { QUARANTINE_DURATION_MS: string; PROOF_DUE_MS: string; INSPECTION_SAMPLING_RATE: string; SINGLE_WINDOW_MODE?: string };

describe('inspection service', () => {
  let publisher: TestPublisher;
  let probe: TopicProbe | undefined;
  let db: Pool;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    publisher = await TestPublisher.start();
    db = new Pool({ connectionString: process.env.DATABASE_URL, max: 2 });
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
    await publisher?.stop();
    await db?.end();
  });

  /** The settings are read when the app is created, so each block starts its own app. */
  async function startApp(settings: Settings): Promise<void> {
    Object.assign(process.env, settings);
    app = await NestFactory.createApplicationContext(AppModule, { logger: false });
    probe ??= await TopicProbe.start([TOPICS.inspectionEvents]);
  }

  async function stopApp(): Promise<void> {
    await app?.close();
    app = undefined;
  }

  const subjectOf = (order: Pick<OrderPlacedData, 'platformId' | 'orderId'>) => orderKey(order.platformId, order.orderId);
  const send = (topic: string, event: CloudEvent | ReturnType<typeof proofSubmitted>) => publisher.send(topic, { key: event.subject, ...encodeEvent(event as CloudEvent) });
  const declare = async (order: OrderPlacedData) => {
    const event = declarationSubmitted(order, S);
    await send(TOPICS.declarationEvents, event);
    return event;
  };
  const submitProof = async (proof: ReturnType<typeof proofSubmitted>) => {
    await send(TOPICS.platformInbound, proof);
    return proof;
  };
  const decide = (order: OrderPlacedData, decision: 'RELEASE' | 'FAIL', note?: string) => send(TOPICS.opsCommands, inspectionDecision(order, decision, note));

  /** Waits for the first `count` events inspection published about the order. */
  /** The order's review events; the inventory list due to the Single Window (no status) is asserted on its own. */
  const eventsOf = async (order: OrderPlacedData, count: number) =>
    (await probe!.waitFor((m) => m.json?.subject === subjectOf(order) && m.json?.type !== INSPECTION_EVENTS.inventoryListDue, { count, what: `${count} inspection event(s) of ${subjectOf(order)}` }))
      .map((m) => m.json)
      .slice(0, count);
  const statusesOf = (events: { type: string }[]) => events.map((event) => STATUS_EVENTS[event.type]?.status ?? event.type);
  const stepsOf = (events: { step: number }[]) => events.map((event) => event.step);

  /** Once the consumer has committed the event's transaction (whatever it did or did not publish). */
  const handled = (eventId: string) =>
    eventually(async () => (await db.query('SELECT 1 FROM inspection.processed_event WHERE consumer_group = $1 AND event_id = $2', [INSPECTION_SERVICE.consumerGroup, eventId])).rowCount! > 0, {
      what: `event ${eventId} handled`,
    });
  /** Everything inspection committed to publish about the order, in order: the truth behind the probe. */
  const publishedTypes = async (order: OrderPlacedData) =>
    (await db.query(`SELECT convert_from(value, 'UTF8')::jsonb->>'type' AS type FROM inspection.outbox WHERE key = $1 ORDER BY id`, [subjectOf(order)])).rows
      .map((row) => row.type)
      .filter((type) => type !== INSPECTION_EVENTS.inventoryListDue);
  const pendingTimer = async (order: OrderPlacedData, kind: string) =>
    (await db.query('SELECT due_at, fired_at FROM inspection.timer WHERE kind = $1 AND subject = $2', [kind, subjectOf(order)])).rows[0] as { due_at: Date; fired_at: Date | null } | undefined;

  describe('with a long quarantine, 72 hours for proof and no sampling', () => {
    beforeAll(() => startApp({ QUARANTINE_DURATION_MS: '600000', PROOF_DUE_MS: '259200000', INSPECTION_SAMPLING_RATE: '0' }));
    afterAll(stopApp);

    it('approves model I cosmetics: UNDER_REVIEW then APPROVED at steps s+1 and s+2, the declaration carried forward', async () => {
      const order = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).build();
      const declared = await declare(order);
      const events = await eventsOf(order, 2);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'APPROVED']);
      expect(stepsOf(events)).toEqual([S + 1, S + 2]);
      expect(events[0]).toMatchObject({ type: INSPECTION_EVENTS.reviewStarted, source: '/services/inspection', subject: subjectOf(order), causationid: declared.id });
      expect(events[1].data).toEqual({ platformId: order.platformId, orderId: order.orderId, clearanceModel: 'DIRECT_MAIL', declaration: declared.data.declaration });
    });

    it.each([
      ['a prohibited item (firearms, 9303)', anOrder().generalTrade().withItem({ sku: 'GUN', hsCode: '9303200000' }), 'PROHIBITED_GOODS', 'GUN (HS 9303200000, firearms) is prohibited'],
      ['an HS code with no tariff entry', anOrder().directMail().withItem({ hsCode: '9999999999' }), 'UNKNOWN_HS_CODE', 'no tariff entry for HS code 9999999999'],
      ['a medicament (3004) in model I, off the positive list', anOrder().directMail().withItem({ sku: 'MED', hsCode: '3004900000' }), 'NOT_ON_POSITIVE_LIST', 'MED (HS 3004900000, medicaments in doses) is not on the cross-border retail positive list'],
      ['a medicament (3004) in model III, off the positive list', anOrder().bonded().withItem({ sku: 'MED', hsCode: '3004900000' }), 'NOT_ON_POSITIVE_LIST', 'MED (HS 3004900000, medicaments in doses) is not on the cross-border retail positive list'],
    ])('rejects %s', async (_, builder, reasonCode, message) => {
      const order = builder.build();
      await declare(order);
      const events = await eventsOf(order, 2);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'REJECTED']);
      expect(stepsOf(events)).toEqual([S + 1, S + 2]);
      expect(events[1].data).toMatchObject({ reasonCode, clearanceModel: order.clearanceModel, details: [{ field: 'items[0].hsCode', message }], notice: { reasonCode } });
    });

    it('allows a medicament (3004) in model II: the positive list is for cross-border retail only', async () => {
      const order = anOrder().generalTrade().withItem({ hsCode: '3004900000' }).build();
      await declare(order);
      expect(statusesOf(await eventsOf(order, 2))).toEqual(['UNDER_REVIEW', 'APPROVED']);
    });

    it('approves model III cosmetics at exactly half the reference price (150.00): no proof needed', async () => {
      const order = anOrder().bonded().withItem({ hsCode: '3304990099', unitPrice: '150.00' }).build();
      await declare(order);
      expect(statusesOf(await eventsOf(order, 2))).toEqual(['UNDER_REVIEW', 'APPROVED']);
    });

    describe('proof of price for model III cosmetics below 150.00', () => {
      const cheapCream = () => anOrder().bonded().withItem({ sku: 'JP-CREAM-50', hsCode: '3304990099', quantity: 2, unitPrice: '120.00' }).build();

      it('requests the invoice and the transaction record, due in PROOF_DUE_MS, naming the item', async () => {
        const order = cheapCream();
        const before = Date.now();
        await declare(order);
        const events = await eventsOf(order, 2);
        expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'PROOF_REQUESTED']);
        expect(stepsOf(events)).toEqual([S + 1, S + 2]);
        const { notice } = events[1].data;
        expect(notice.requestedDocuments).toEqual(['INVOICE', 'TRANSACTION_RECORD']);
        expect(notice.question).toBe(
          'Please send the invoice and the transaction record proving the declared unit price of JP-CREAM-50 "Face cream 50 ml" (120.00 CNY, below half the reference price of 300.00 CNY).',
        );
        expect(Date.parse(notice.dueBy) - before).toBeGreaterThanOrEqual(259_200_000);
        expect(Date.parse(notice.dueBy) - Date.now()).toBeLessThanOrEqual(259_200_000);
        expect(await pendingTimer(order, 'inspection.proof-due')).toMatchObject({ fired_at: null });
      });

      it('approves on a proof holding both kinds: PROOF_SUBMITTED then APPROVED, and the proof timer is gone', async () => {
        const order = cheapCream();
        await declare(order);
        await eventsOf(order, 2);
        const proof = await submitProof(proofSubmitted(order, [...BOTH_KINDS]));
        const events = await eventsOf(order, 4);
        expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'APPROVED']);
        expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 3, S + 4]);
        expect(events[2].data).toMatchObject({ clearanceModel: 'BONDED_ZONE', documents: proof.data.documents });
        expect(events[3].data.declaration.items).toEqual(order.items);
        expect(await pendingTimer(order, 'inspection.proof-due')).toBeUndefined();
      });

      it('rejects with INSUFFICIENT_PROOF a proof missing a kind, naming it', async () => {
        const order = cheapCream();
        await declare(order);
        await eventsOf(order, 2);
        await submitProof(proofSubmitted(order, ['INVOICE', 'PACKING_LIST']));
        const events = await eventsOf(order, 4);
        expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'REJECTED']);
        expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 3, S + 4]);
        expect(events[3].data).toMatchObject({ reasonCode: 'INSUFFICIENT_PROOF', details: [{ field: 'documents', message: 'the requested TRANSACTION_RECORD is missing' }] });
      });

      it('refuses an invalid proof with INVALID_REQUEST and the field errors; the order still waits for a valid one', async () => {
        const order = cheapCream();
        await declare(order);
        await eventsOf(order, 2);
        const invalid = await submitProof(proofSubmitted(order, [...BOTH_KINDS], (data) => ((data.documents[0].sha256 = 'not-a-digest'), (data.documents[1].kind = 'SELFIE'))));
        const [, , refused] = await eventsOf(order, 3);
        expect(refused).toMatchObject({ type: INSPECTION_EVENTS.requestRefused, step: S + 2 });
        expect(refused.data).toMatchObject({ reasonCode: 'INVALID_REQUEST', refusedEventId: invalid.id, refusedType: invalid.type });
        expect(refused.data.details.map((d: { field: string }) => d.field).sort()).toEqual(['documents[0].sha256', 'documents[1].kind']);

        await submitProof(proofSubmitted(order, [...BOTH_KINDS]));
        const events = await eventsOf(order, 5);
        expect(statusesOf(events.slice(3))).toEqual(['PROOF_SUBMITTED', 'APPROVED']);
        expect(stepsOf(events.slice(3))).toEqual([S + 3, S + 4]);
      });

      it('takes an order several times in one run as one event after another: declarations, then proofs', async () => {
        const order = cheapCream();
        const declared = declarationSubmitted(order, S);
        await publisher.sendAllStructured(TOPICS.declarationEvents, [declared, declarationSubmitted(order, S), declared]);
        await eventsOf(order, 2);
        const invalid = proofSubmitted(order, [...BOTH_KINDS], (data) => (data.documents[0].sha256 = 'not-a-digest'));
        const proof = proofSubmitted(order, [...BOTH_KINDS]);
        const other = proofSubmitted(order, ['INVOICE']);
        await publisher.sendAllStructured(TOPICS.platformInbound, [invalid, proof, { ...JSON.parse(JSON.stringify(proof)), id: randomUUID() }, other]);
        await handled(other.id);

        const refused = INSPECTION_EVENTS.requestRefused;
        expect(await publishedTypes(order)).toEqual([INSPECTION_EVENTS.reviewStarted, INSPECTION_EVENTS.proofRequested, refused, INSPECTION_EVENTS.proofReceived, INSPECTION_EVENTS.approved, refused]);
        const events = await eventsOf(order, 6);
        expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 2, S + 3, S + 4, S + 4]);
        expect([events[2].data, events[5].data]).toMatchObject([
          { reasonCode: 'INVALID_REQUEST', refusedEventId: invalid.id },
          { reasonCode: 'UNEXPECTED_EVENT', refusedEventId: other.id },
        ]);
        expect(await pendingTimer(order, 'inspection.proof-due')).toBeUndefined();
        const [row] = (await db.query('SELECT status, step, proof_hash IS NOT NULL AS proved FROM inspection.inspection WHERE platform_id = $1 AND order_id = $2', [order.platformId, order.orderId])).rows;
        expect(row).toEqual({ status: 'APPROVED', step: S + 4, proved: true });
      });

      it('ignores an accepted proof sent again under a new event id, and refuses another proof as unexpected', async () => {
        const order = cheapCream();
        await declare(order);
        await eventsOf(order, 2);
        const proof = await submitProof(proofSubmitted(order, [...BOTH_KINDS]));
        await eventsOf(order, 4);
        const again = await submitProof({ ...JSON.parse(JSON.stringify(proof)), id: randomUUID() });
        const other = await submitProof(proofSubmitted(order, ['INVOICE']));
        await handled(other.id);
        expect(await publishedTypes(order)).toEqual([INSPECTION_EVENTS.reviewStarted, INSPECTION_EVENTS.proofRequested, INSPECTION_EVENTS.proofReceived, INSPECTION_EVENTS.approved, INSPECTION_EVENTS.requestRefused]);
        const [, , , , refused] = await eventsOf(order, 5);
        expect(refused.data).toMatchObject({ reasonCode: 'UNEXPECTED_EVENT', refusedEventId: other.id });
        expect(refused.data.refusedEventId).not.toBe(again.id);
      });
    });

    it('refuses a proof nobody asked for with UNEXPECTED_EVENT at the order\'s step, before looking at its content', async () => {
      const order = anOrder().directMail().build();
      await declare(order);
      await eventsOf(order, 2);
      const proof = await submitProof(proofSubmitted(order, [], (data) => (data.documents = 'none')));
      const [, , refused] = await eventsOf(order, 3);
      expect(refused).toMatchObject({ type: INSPECTION_EVENTS.requestRefused, step: S + 2 });
      expect(refused.data).toMatchObject({ platformId: order.platformId, orderId: order.orderId, reasonCode: 'UNEXPECTED_EVENT', refusedEventId: proof.id, refusedType: proof.type });
      expect(refused.data.details).toBeUndefined();
    });

    it('refuses a proof for an order it does not know with UNEXPECTED_EVENT at step 0', async () => {
      const order = anOrder().bonded().build();
      const proof = await submitProof(proofSubmitted(order, [...BOTH_KINDS]));
      const [refused] = await eventsOf(order, 1);
      expect(refused).toMatchObject({ type: INSPECTION_EVENTS.requestRefused, step: 0, data: { reasonCode: 'UNEXPECTED_EVENT', refusedEventId: proof.id } });
    });

    it('reviews a declaration once, whether its event is delivered twice or re-published under a new id', async () => {
      const order = anOrder().directMail().build();
      const declared = await declare(order);
      await send(TOPICS.declarationEvents, declared);
      const republished = { ...declared, id: randomUUID() };
      await send(TOPICS.declarationEvents, republished);
      await handled(republished.id);
      expect(await publishedTypes(order)).toEqual([INSPECTION_EVENTS.reviewStarted, INSPECTION_EVENTS.approved]);
    });

    describe('quarantine inspection of wine (2204) in model II', () => {
      const wine = () => anOrder().generalTrade().withItem({ sku: 'FR-WINE', hsCode: '2204210000', unitPrice: '150.00' }).build();

      it('rejects with INSPECTION_FAILED when an officer fails it, and the quarantine timer is cancelled', async () => {
        const order = wine();
        await declare(order);
        const events = await eventsOf(order, 2);
        expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION']);
        expect(Date.parse(events[1].data.until) - Date.parse(events[1].time)).toBeGreaterThanOrEqual(590_000);
        expect(await pendingTimer(order, 'inspection.quarantine')).toMatchObject({ fired_at: null });

        await decide(order, 'FAIL', 'label does not match the goods');
        const [, , rejected] = await eventsOf(order, 3);
        expect(rejected).toMatchObject({ type: INSPECTION_EVENTS.rejected, step: S + 3 });
        expect(rejected.data).toMatchObject({ reasonCode: 'INSPECTION_FAILED', clearanceModel: 'GENERAL_TRADE', details: [{ message: 'failed by the inspecting officer: label does not match the goods' }] });
        expect(await pendingTimer(order, 'inspection.quarantine')).toBeUndefined();
      });

      it('passes at once when an officer releases it', async () => {
        const order = wine();
        await declare(order);
        await eventsOf(order, 2);
        await decide(order, 'RELEASE');
        const events = await eventsOf(order, 3);
        expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'APPROVED']);
        expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 3]);
        expect(await pendingTimer(order, 'inspection.quarantine')).toBeUndefined();
      });
    });

    it('changes nothing on an officer decision that no order awaits (approved, or unknown), and tells ops why', async () => {
      const order = anOrder().directMail().build();
      await declare(order);
      await eventsOf(order, 2);
      const onApproved = inspectionDecision(order, 'FAIL');
      const onUnknown = inspectionDecision(anOrder().build(), 'RELEASE');
      await send(TOPICS.opsCommands, onApproved);
      await send(TOPICS.opsCommands, onUnknown);
      await handled(onApproved.id);
      await handled(onUnknown.id);
      expect(await publishedTypes(order)).toEqual([INSPECTION_EVENTS.reviewStarted, INSPECTION_EVENTS.approved, OPS_EVENTS.inspectionDecisionRecorded]);
      const [, , refused] = await eventsOf(order, 3);
      expect(refused.data).toEqual({ requestId: onApproved.id, outcome: 'REFUSED', message: 'order is APPROVED, not waiting for an officer' });
      const [unknown] = await probe!.waitFor((m) => m.json?.subject === onUnknown.subject);
      expect(unknown.json).toMatchObject({ type: OPS_EVENTS.inspectionDecisionRecorded, data: { requestId: onUnknown.id, outcome: 'REFUSED', message: 'order is not under inspection, not waiting for an officer' } });
    });

    it('applies a tariff change from tax-permit to later orders: smartphones (8517) made prohibited', async () => {
      const phone = () => anOrder().directMail().withItem({ sku: 'PHONE', hsCode: '8517130000', unitPrice: '3999.00' }).build();
      const before = phone();
      await declare(before);
      expect(statusesOf(await eventsOf(before, 2))).toEqual(['UNDER_REVIEW', 'APPROVED']);

      const seed = TARIFF_SEED.find((entry) => entry.hsPrefix === '8517')!;
      const change = tariffChanged({ ...seed, cbecEligible: false, prohibited: true });
      await send(TOPICS.taxPermitEvents, change);
      await handled(change.id);

      const after = phone();
      await declare(after);
      const events = await eventsOf(after, 2);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'REJECTED']);
      expect(events[1].data).toMatchObject({ reasonCode: 'PROHIBITED_GOODS', details: [{ field: 'items[0].hsCode', message: 'PHONE (HS 8517130000, telephones and smartphones) is prohibited' }] });
    });
  });

  describe('with short timers: quarantine 1.5 s, proof due in 2 s', () => {
    beforeAll(() => startApp({ QUARANTINE_DURATION_MS: '1500', PROOF_DUE_MS: '2000', INSPECTION_SAMPLING_RATE: '0' }));
    afterAll(stopApp);

    it('passes a quarantine of wine (2204) in model II when its time is up, then approves', async () => {
      const order = anOrder().generalTrade().withItem({ hsCode: '2204210000', unitPrice: '150.00' }).build();
      await declare(order);
      const events = await eventsOf(order, 3);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'APPROVED']);
      expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 3]);
      const { until } = events[1].data;
      expect(Date.parse(until) - Date.parse(events[1].time)).toBeGreaterThanOrEqual(1_400);
      expect(Date.parse(events[2].time)).toBeGreaterThanOrEqual(Date.parse(until));
      expect(Date.parse(events[2].time) - Date.parse(until)).toBeLessThan(2_000);
    });

    it('rejects with PROOF_TIMEOUT when no proof comes within PROOF_DUE_MS, and refuses a late proof', async () => {
      const order = anOrder().bonded().withItem({ hsCode: '3304990099', unitPrice: '99.00' }).build();
      await declare(order);
      const events = await eventsOf(order, 3);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'PROOF_REQUESTED', 'REJECTED']);
      expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 3]);
      expect(events[2].data.reasonCode).toBe('PROOF_TIMEOUT');
      expect(Date.parse(events[2].time)).toBeGreaterThanOrEqual(Date.parse(events[1].data.notice.dueBy));

      const late = await submitProof(proofSubmitted(order, [...BOTH_KINDS]));
      const [, , , refused] = await eventsOf(order, 4);
      expect(refused).toMatchObject({ type: INSPECTION_EVENTS.requestRefused, step: S + 3, data: { reasonCode: 'UNEXPECTED_EVENT', refusedEventId: late.id } });
    });
  });

  describe('with customs\' receipts deciding (SINGLE_WINDOW_MODE=folder)', () => {
    beforeAll(() => startApp({ QUARANTINE_DURATION_MS: '0', PROOF_DUE_MS: '259200000', INSPECTION_SAMPLING_RATE: '0', SINGLE_WINDOW_MODE: 'folder' }));
    afterAll(async () => {
      await stopApp();
      process.env.SINGLE_WINDOW_MODE = 'off';
    });
    const receive = (order: OrderPlacedData, returnStatus: string, extra: Partial<CustomsReceiptData> = {}) => send(TOPICS.singleWindowEvents, inventoryReceipt(order, returnStatus, extra));

    it('sends the inventory list and waits in UNDER_REVIEW; a 120 makes the invtNo the declaration number, an 800 approves', async () => {
      const order = anOrder().bonded().withItem({ sku: 'FORMULA', hsCode: '1901101000', unitPrice: '10.00' }).build();
      await declare(order);
      const due = await probe!.waitFor((m) => m.json?.subject === subjectOf(order) && m.json?.type === INSPECTION_EVENTS.inventoryListDue, { what: 'inventory-list-due' });
      expect(due[0].json.data).toMatchObject({ legalUnits: ['035'], declaration: { orderId: order.orderId } });
      await receive(order, '2');
      await receive(order, '120', { invtNo: '290120261000000001' });
      await receive(order, '800');
      const events = await eventsOf(order, 2);
      // No quarantine, no proof of price, no sampling: customs decides instead.
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'APPROVED']);
      expect(events[1].data.declaration.declarationNumber).toBe('290120261000000001');
    });

    it('holds on a 500 until an officer releases; receipts never move it backwards', async () => {
      const order = anOrder().directMail().build();
      await declare(order);
      // Customs answers a list once it is sent, after the review has started.
      await eventsOf(order, 1);
      await receive(order, '500');
      expect(statusesOf(await eventsOf(order, 2))).toEqual(['UNDER_REVIEW', 'HELD_FOR_REVIEW']);
      await receive(order, '300');
      await decide(order, 'RELEASE');
      expect(statusesOf(await eventsOf(order, 3))).toEqual(['UNDER_REVIEW', 'HELD_FOR_REVIEW', 'APPROVED']);
      const late = inventoryReceipt(order, '100');
      await send(TOPICS.singleWindowEvents, late);
      await handled(late.id);
      expect(await publishedTypes(order)).toEqual([INSPECTION_EVENTS.reviewStarted, INSPECTION_EVENTS.heldForReview, INSPECTION_EVENTS.approved, OPS_EVENTS.inspectionDecisionRecorded]);
    });

    it.each([
      ['100', 'CUSTOMS_RETURNED'],
      ['501', 'CUSTOMS_DETAINED'],
    ])('rejects on a %s with %s and customs\' text', async (code, reasonCode) => {
      const order = anOrder().directMail().build();
      await declare(order);
      await eventsOf(order, 1);
      await receive(order, code, { returnInfo: '申报要素不全' });
      const [, rejected] = await eventsOf(order, 2);
      expect(rejected).toMatchObject({ type: INSPECTION_EVENTS.rejected, data: { reasonCode, details: [{ field: 'customs.returnInfo', message: '申报要素不全' }] } });
    });

    it('keeps the built-in review for general trade, which is declared outside the Single Window', async () => {
      const order = anOrder().generalTrade().withItem({ hsCode: '2204210000' }).build();
      await declare(order);
      expect(statusesOf(await eventsOf(order, 3))).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'APPROVED']);
      expect((await publishedTypes(order)).length).toBe(3);
    });
  });

  describe('with every order sampled for manual review and no quarantine wait', () => {
    beforeAll(() => startApp({ QUARANTINE_DURATION_MS: '0', PROOF_DUE_MS: '259200000', INSPECTION_SAMPLING_RATE: '1' }));
    afterAll(stopApp);

    it('holds an order for review until an officer releases it, then approves', async () => {
      const order = anOrder().directMail().build();
      await declare(order);
      expect(statusesOf(await eventsOf(order, 2))).toEqual(['UNDER_REVIEW', 'HELD_FOR_REVIEW']);
      await decide(order, 'RELEASE');
      const events = await eventsOf(order, 3);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'HELD_FOR_REVIEW', 'APPROVED']);
      expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 3]);
    });

    it('answers ops with decision-recorded (requestId = the command id) after the events the decision caused', async () => {
      const order = anOrder().directMail().build();
      await declare(order);
      await eventsOf(order, 2);
      const decision = inspectionDecision(order, 'RELEASE');
      await send(TOPICS.opsCommands, decision);
      const [, , approved, answer] = await eventsOf(order, 4);
      expect(approved.type).toBe(INSPECTION_EVENTS.approved);
      expect(answer).toMatchObject({ type: OPS_EVENTS.inspectionDecisionRecorded, subject: subjectOf(order), causationid: decision.id });
      expect(answer.data).toEqual({ requestId: decision.id, outcome: 'APPLIED', message: 'officer released the order (manual review passed)' });
      expect(answer.step).toBeUndefined();
    });

    it('rejects a held order with INSPECTION_FAILED when an officer fails it', async () => {
      const order = anOrder().generalTrade().build();
      await declare(order);
      await eventsOf(order, 2);
      await decide(order, 'FAIL');
      const events = await eventsOf(order, 3);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'HELD_FOR_REVIEW', 'REJECTED']);
      expect(events[2]).toMatchObject({ step: S + 3, data: { reasonCode: 'INSPECTION_FAILED', details: [{ message: 'failed by the inspecting officer' }] } });
    });

    it('takes a model III order through every stage in contract order: a zero-length quarantine is still announced', async () => {
      const order = anOrder().bonded().withItem({ sku: 'FORMULA', hsCode: '1901101000', unitPrice: '260.00' }).withItem({ sku: 'CREAM', hsCode: '3304990099', unitPrice: '120.00' }).build();
      await declare(order);
      expect(statusesOf(await eventsOf(order, 3))).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'PROOF_REQUESTED']);
      await submitProof(proofSubmitted(order, [...BOTH_KINDS, 'PACKING_LIST']));
      expect(statusesOf(await eventsOf(order, 5)).slice(3)).toEqual(['PROOF_SUBMITTED', 'HELD_FOR_REVIEW']);
      await decide(order, 'RELEASE');
      const events = await eventsOf(order, 6);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'HELD_FOR_REVIEW', 'APPROVED']);
      expect(stepsOf(events)).toEqual([S + 1, S + 2, S + 3, S + 4, S + 5, S + 6]);
    });
  });

  describe('across a restart', () => {
    const settings = { QUARANTINE_DURATION_MS: '10000', PROOF_DUE_MS: '259200000', INSPECTION_SAMPLING_RATE: '0' };
    afterAll(stopApp);

    it('fires a quarantine timer pending when the app closed, once, after a new app starts', async () => {
      await startApp(settings);
      const order = anOrder().generalTrade().withItem({ hsCode: '2204210000', unitPrice: '150.00' }).build();
      await declare(order);
      expect(statusesOf(await eventsOf(order, 2))).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION']);
      await stopApp();
      expect(await pendingTimer(order, 'inspection.quarantine')).toMatchObject({ fired_at: null });

      await startApp(settings);
      const events = await eventsOf(order, 3);
      expect(statusesOf(events)).toEqual(['UNDER_REVIEW', 'QUARANTINE_INSPECTION', 'APPROVED']);
      expect(events[2].step).toBe(S + 3);
      // A fired timer leaves no row behind.
      expect(await pendingTimer(order, 'inspection.quarantine')).toBeUndefined();
      expect(await publishedTypes(order)).toEqual([INSPECTION_EVENTS.reviewStarted, INSPECTION_EVENTS.quarantineStarted, INSPECTION_EVENTS.approved]);
    });
  });
});
