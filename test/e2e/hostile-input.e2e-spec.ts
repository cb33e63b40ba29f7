// Hostile input through the real processes (issue 11): generated mutations of order-placed and
// of every other inbound type on cbec.platform.inbound, raw garbage, and hostile REST bodies.
// Each ends in a specific answer (rejected.v1 with its reason code and the fields named,
// request-refused.v1 with its reason code, a REST 4xx in the contract's error shape) or in a dead
// letter ops can see; no service crashes or logs an unhandled rejection; healthy orders sent in
// between all complete. And a dead letter of an order's event mid-pipeline is listed with the
// order's key, the order shows among the stuck ones, and a replay after the fix moves it on.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { Client } from 'pg';
import { CancelRequestedData, GoodsReceivedData, INTAKE_REJECTIONS, OrderPlacedData, OUTBOUND_EVENTS, PLATFORM_EVENTS, ProofSubmittedData, REFUSAL_REASONS, ReturnReceivedData, ReturnRequestedData, TaxPaidData, TOPICS, validatePayload } from '@cbec/contracts';
import { orderRefOf } from '@cbec/messaging';
import { anOrder, applyMutations, eventually, FUZZ_SEED, gatewayClient, mutationsOf, platformEvent, RunningSystem, startSystem, TestPublisher } from '@cbec/testing';
import { Platform } from './platform';

const OPS_KEY = 'ops-key-123456';
const TMALL_KEY = 'tmall-key-123456';
const SYSTEM_ENV = { INSPECTION_SAMPLING_RATE: '0', GATEWAY_API_KEYS: `ops:${OPS_KEY},tmall-global:${TMALL_KEY}` };
const COUNTS = { orders: 160, requestsPerType: 20, restOrders: 60, restRequestsPerCall: 10, healthy: 8 };

type Ref = { platformId: string; orderId: string };
const REQUEST_PAYLOADS: Record<string, new () => object> = {
  [PLATFORM_EVENTS.goodsReceived]: GoodsReceivedData,
  [PLATFORM_EVENTS.taxPaid]: TaxPaidData,
  [PLATFORM_EVENTS.proofSubmitted]: ProofSubmittedData,
  [PLATFORM_EVENTS.cancelRequested]: CancelRequestedData,
  [PLATFORM_EVENTS.returnRequested]: ReturnRequestedData,
  [PLATFORM_EVENTS.returnReceived]: ReturnReceivedData,
};
type Outcome = 'rejected' | 'refused' | 'accepted' | 'dead-lettered' | 'rest-4xx';

describe('hostile input, end to end', () => {
  let system: RunningSystem;
  let platform: Platform;
  let publisher: TestPublisher;
  const rest = gatewayClient(() => system.urls.gateway);
  const tally: Record<Outcome, number> = { rejected: 0, refused: 0, accepted: 0, 'dead-lettered': 0, 'rest-4xx': 0 };
  /** Why the fuzz inputs that were dead-lettered were, by group and reason. */
  const deadLetterReasons = new Map<string, number>();
  let sent = 0;

  beforeAll(async () => {
    system = await startSystem(undefined, SYSTEM_ENV, 4800);
    platform = await Platform.start();
    publisher = await TestPublisher.start();
  }, 180_000);

  afterAll(async () => {
    process.stdout.write(`\n[hostile-input] seed ${FUZZ_SEED}: ${sent} fuzz inputs sent: ${tally.rejected} rejected (rejected.v1), ${tally['rest-4xx']} refused over REST (4xx), ${tally.refused} refused (request-refused.v1), ${tally['dead-lettered']} dead-lettered, ${tally.accepted} accepted; crashes ${crashes()}\n`);
    process.stdout.write(`[hostile-input] dead letters of fuzz inputs: ${[...deadLetterReasons].map(([reason, count]) => `${count} x ${reason}`).join('; ') || 'none'}\n`);
    await publisher?.stop();
    await platform?.stop();
    await system?.stop();
  });

  const keyOf = (ref: Ref) => `${ref.platformId}/${ref.orderId}`;
  const sample = <T>(arbitrary: fc.Arbitrary<T>, count: number, salt: number) => fc.sample(arbitrary, { seed: FUZZ_SEED + salt, numRuns: count });
  const crashes = () => (system ? Object.values(system.alarms).flat().length : 0);

  /** Every dead letter the gateway lists, every page. */
  async function deadLetters(): Promise<{ id: string; key: string | null; payload: string; reason: string; consumerGroup: string }[]> {
    const items = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await rest('GET', `/v1/ops/dead-letters?limit=200${cursor ? `&cursor=${cursor}` : ''}`, OPS_KEY);
      items.push(...page.body.items);
      cursor = page.body.nextCursor;
    }
    return items;
  }

  async function sendEvent(type: string, data: unknown, subject: string, id = randomUUID()): Promise<string> {
    const event = { ...platformEvent(type, { platformId: 'fuzz', orderId: 'fuzz' }, id), subject, data };
    await publisher.send(TOPICS.platformInbound, { key: subject, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' } });
    sent++;
    return id;
  }

  /** A healthy direct-mail order, placed now and completed later by its signature. */
  async function placeHealthy(): Promise<OrderPlacedData> {
    const order = anOrder().directMail().withItem({ quantity: 2, unitPrice: '99.00' }).build();
    await platform.placeOrder(order);
    return order;
  }

  async function complete(order: Ref): Promise<void> {
    await platform.waitForStatus(order, 'OUT_FOR_DELIVERY', 60_000);
    await platform.sign(order);
    await platform.waitForStatus(order, 'COMPLETED', 60_000);
  }

  it('answers every mutated order-placed, request and piece of garbage, and healthy orders in between complete', async () => {
    // Orders each inbound type can be fuzzed against: waiting for exactly that request.
    const receiptTarget = await placeHealthy();
    const returnTarget = await placeHealthy();
    const taxTarget = anOrder().generalTrade().withItem({ hsCode: '8517130000', quantity: 1, unitPrice: '500.00' }).build();
    const cancelTarget = anOrder().generalTrade().withItem({ hsCode: '8517130000', quantity: 1, unitPrice: '300.00' }).build();
    const proofTarget = anOrder().bonded().withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '100.00' }).build();
    for (const order of [taxTarget, cancelTarget, proofTarget]) await platform.placeOrder(order);
    const assessed = await platform.waitForStatus(taxTarget, 'TAX_ASSESSED', 60_000).then(() => platform.waitFor(taxTarget, OUTBOUND_EVENTS.taxAssessed));
    await platform.waitForStatus(cancelTarget, 'TAX_ASSESSED', 60_000);
    await platform.waitForStatus(proofTarget, 'PROOF_REQUESTED', 60_000);
    await platform.waitForStatus(receiptTarget, 'OUT_FOR_DELIVERY', 60_000);
    await complete(returnTarget);

    const healthy: OrderPlacedData[] = [];
    const orderInputs: { id: string; key: string }[] = [];
    const requestInputs: { id: string; valid: boolean }[] = [];
    const garbageKeys: string[] = [];

    // 1. Mutated order-placed events, each a fresh order, healthy ones among them.
    const base = anOrder().directMail().withItem({ quantity: 1, unitPrice: '50.00' }).build();
    const mutated = sample(mutationsOf(base), COUNTS.orders, 1);
    for (const [index, mutations] of mutated.entries()) {
      if (index % Math.floor(COUNTS.orders / COUNTS.healthy) === 0) healthy.push(await placeHealthy());
      const data = applyMutations({ ...base, orderId: `FZ${index}-${Date.now()}` }, mutations);
      const subject = `tmall-global/FZ${index}`;
      const id = await sendEvent(PLATFORM_EVENTS.orderPlaced, data, subject);
      const ref = orderRefOf({ data, subject } as never);
      orderInputs.push({ id, key: ref ? keyOf(ref) : subject });
    }

    // 2. Every other inbound type, mutated, against the order waiting for it.
    const REQUESTS: [string, Ref, Record<string, unknown>][] = [
      [PLATFORM_EVENTS.goodsReceived, receiptTarget, { receivedBy: 'Li Wei', receivedAt: '2026-11-15T10:00:00+08:00', method: 'SIGNATURE' }],
      [PLATFORM_EVENTS.taxPaid, taxTarget, { assessmentId: assessed.data.assessmentId, amount: assessed.data.totals.total, paymentReference: 'PAY-TAX-1', paidAt: '2026-11-12T10:00:00+08:00' }],
      [PLATFORM_EVENTS.proofSubmitted, proofTarget, { documents: [{ kind: 'INVOICE', fileName: 'invoice.pdf', sha256: 'a'.repeat(64) }, { kind: 'TRANSACTION_RECORD', fileName: 'record.pdf', sha256: 'b'.repeat(64) }], note: 'as requested' }],
      [PLATFORM_EVENTS.cancelRequested, cancelTarget, { reason: 'the consumer changed their mind', requestedAt: '2026-11-11T09:00:00+08:00' }],
      [PLATFORM_EVENTS.returnRequested, returnTarget, { returnId: 'R-1', items: [{ sku: returnTarget.items[0].sku, quantity: 1 }], reason: 'does not fit', requestedAt: '2026-11-20T10:00:00+08:00' }],
      [PLATFORM_EVENTS.returnReceived, returnTarget, { returnId: 'R-9', receivedAt: '2026-11-25T10:00:00+08:00' }],
    ];
    for (const [salt, [type, target, fields]] of REQUESTS.entries()) {
      const valid = { platformId: target.platformId, orderId: target.orderId, ...fields };
      for (const mutations of sample(mutationsOf(valid), COUNTS.requestsPerType, 100 + salt)) {
        const data = applyMutations(valid, mutations);
        requestInputs.push({ id: await sendEvent(type, data, keyOf(target)), valid: validatePayload(REQUEST_PAYLOADS[type], data).errors.length === 0 });
      }
    }

    // 3. Raw garbage: not JSON, NUL bytes, not a CloudEvent, unknown types, no readable order.
    const garbage: { key: string | null; value: Buffer | string; headers?: Record<string, string> }[] = [
      { key: 'gb-bytes', value: Buffer.from(sample(fc.uint8Array({ minLength: 1, maxLength: 64 }), 1, 7)[0]) },
      { key: 'gb-nul', value: 'not json\u0000with a NUL\u0000' },
      { key: 'gb-nul-json', value: Buffer.concat([Buffer.from('{"specversion":"1.0","id":"x'), Buffer.from([0]), Buffer.from('"}')]) },
      { key: 'gb-array', value: '[1,2,3]' },
      { key: 'gb-string', value: '"order"' },
      { key: 'gb-spec', value: JSON.stringify({ specversion: '2.0', id: randomUUID(), source: '/x', type: PLATFORM_EVENTS.orderPlaced, data: {} }) },
      { key: 'gb-type', value: JSON.stringify({ ...platformEvent('cbec.platform.order-placed.v1\u0000', base), id: randomUUID() }) },
      { key: 'gb-noref', value: JSON.stringify({ ...platformEvent(PLATFORM_EVENTS.orderPlaced, base), subject: undefined, data: { items: [] } }) },
      { key: 'gb-binary', value: 'garbage', headers: { ce_specversion: '1.0', ce_id: randomUUID(), ce_source: '/x', ce_type: PLATFORM_EVENTS.taxPaid } },
      { key: 'gb-\u0000-key', value: 'a key with a NUL' },
      { key: 'gb-deep', value: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
    ];
    for (const message of garbage) {
      await publisher.send(TOPICS.platformInbound, message);
      garbageKeys.push(message.key!.replace('\u0000', '\\u0000'));
      sent++;
    }
    // An event of an unknown type about an order, without a Kafka key: listed with the order's key.
    const keyless = anOrder().build();
    await publisher.send(TOPICS.platformInbound, { key: null, value: JSON.stringify(platformEvent('cbec.platform.order-teleported.v1', keyless)) });
    garbageKeys.push(keyOf(keyless));
    sent++;

    // 4. Hostile REST bodies: orders, every platform request, quotes.
    const restOrders: string[] = [];
    for (const [index, mutations] of sample(mutationsOf(base), COUNTS.restOrders, 200).entries()) {
      const body = applyMutations({ ...base, orderId: `RZ${index}-${Date.now()}` }, mutations);
      const reply = await rest('POST', '/v1/orders', TMALL_KEY, body);
      sent++;
      expectRestAnswer(reply, [202, 400, 403, 409, 413]);
      if (reply.status === 202) restOrders.push(keyOf(reply.body));
      else tally['rest-4xx']++;
    }
    const CALLS: [string, Record<string, unknown>][] = [
      [`/v1/clearances/${keyOf(receiptTarget)}/receipt`, REQUESTS[0][2]],
      [`/v1/clearances/${keyOf(taxTarget)}/payments`, REQUESTS[1][2]],
      [`/v1/clearances/${keyOf(proofTarget)}/proofs`, REQUESTS[2][2]],
      [`/v1/clearances/${keyOf(cancelTarget)}/cancellation`, REQUESTS[3][2]],
      [`/v1/clearances/${keyOf(returnTarget)}/returns`, REQUESTS[4][2]],
      [`/v1/clearances/${keyOf(returnTarget)}/returns/R-9/arrival`, { receivedAt: '2026-11-25T10:00:00+08:00' }],
      ['/v1/quotes', { clearanceModel: 'BONDED_ZONE', currency: 'CNY', items: [{ sku: 'A', hsCode: '3304990099', quantity: 1, unitPrice: '199.00' }], freight: '10.00' }],
    ];
    for (const [salt, [path, body]] of CALLS.entries()) {
      for (const mutations of sample(mutationsOf(body), COUNTS.restRequestsPerCall, 300 + salt)) {
        const reply = await rest('POST', path, TMALL_KEY, applyMutations(body, mutations));
        sent++;
        expectRestAnswer(reply, [200, 202, 400, 404, 409]);
        if (reply.status >= 400) tally['rest-4xx']++;
        else tally.accepted++;
      }
    }
    for (const raw of ['{"platformId":', '[]', 'null', '"x"', `${'['.repeat(50_000)}${']'.repeat(50_000)}`, JSON.stringify({ ...base, orderId: 'BIG', pad: 'x'.repeat(1_100_000) })]) {
      const reply = await rest('POST', '/v1/orders', TMALL_KEY, undefined, { raw });
      sent++;
      expectRestAnswer(reply, [400, 413]);
      tally['rest-4xx']++;
    }

    // Every order-placed is answered on the outbound topic, or dead-lettered where ops see it.
    const intakeAnswer = (key: string) => platform.outbound.eventsOf(key).find((e) => e.type === OUTBOUND_EVENTS.rejected || (e.type === OUTBOUND_EVENTS.statusChanged && e.data.status === 'ORDER_CONFIRMED') || e.type === OUTBOUND_EVENTS.requestRefused);
    const refusalOf = (id: string) => platform.outbound.messages.find((m) => m.json?.type === OUTBOUND_EVENTS.requestRefused && m.json.data.refusedEventId === id)?.json;
    let letters: Awaited<ReturnType<typeof deadLetters>> = [];
    const unanswered = () => [
      ...orderInputs.filter(({ id, key }) => !intakeAnswer(key) && !letters.some((letter) => letter.payload.includes(id))).map(({ key }) => `order ${key}`),
      ...restOrders.filter((key) => !intakeAnswer(key)).map((key) => `REST order ${key}`),
      ...garbageKeys.filter((key) => !letters.some((letter) => letter.key === key)).map((key) => `garbage ${key}`),
    ];
    await eventually(
      async () => {
        letters = await deadLetters();
        return unanswered().length === 0;
      },
      { timeoutMs: 60_000, intervalMs: 1_000, what: 'an answer or a dead letter for every input' },
    ).catch(() => expect(unanswered()).toEqual([]));

    for (const { id, key } of orderInputs) {
      const answer = intakeAnswer(key);
      const refused = refusalOf(id);
      if (refused) {
        expect(REFUSAL_REASONS).toContain(refused.data.reasonCode);
        tally.refused++;
      } else if (answer?.type === OUTBOUND_EVENTS.rejected) {
        expect(INTAKE_REJECTIONS).toContain(answer.data.reasonCode);
        if (answer.data.reasonCode === 'INVALID_ORDER') expect(answer.data.details.every((detail: { field?: string }) => typeof detail.field === 'string' && detail.field !== '')).toBe(true);
        tally.rejected++;
      } else if (answer) tally.accepted++;
      else tally['dead-lettered']++;
    }
    for (const key of restOrders) tally[intakeAnswer(key)?.type === OUTBOUND_EVENTS.rejected ? 'rejected' : 'accepted']++;
    tally['dead-lettered'] += garbageKeys.length;
    // A NUL in a dead letter's payload is listed escaped, not lost.
    expect(letters.find((letter) => letter.key === 'gb-nul')?.payload).toBe('not json\\u0000with a NUL\\u0000');

    // Every other inbound request is refused with its reason code, accepted, or dead-lettered.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    letters = await deadLetters();
    const ignored: string[] = [];
    for (const { id, valid } of requestInputs) {
      const refused = refusalOf(id);
      if (refused) expect(REFUSAL_REASONS).toContain(refused.data.reasonCode);
      const outcome = refused ? 'refused' : letters.some((letter) => letter.payload.includes(id)) ? 'dead-lettered' : 'accepted';
      // A request that breaks the field rules can never be accepted: it is refused or dead-lettered, never passed over in silence.
      if (outcome === 'accepted' && !valid) ignored.push(id);
      tally[outcome]++;
    }
    expect(ignored).toEqual([]);
    const ofFuzz = letters.filter((letter) => [...orderInputs.map(({ id }) => id), ...requestInputs.map(({ id }) => id)].some((id) => letter.payload.includes(id)));
    for (const letter of ofFuzz) {
      const reason = `${letter.consumerGroup}: ${letter.reason.replace(/[0-9a-f-]{36}|\d+/g, '#').slice(0, 120)}`;
      deadLetterReasons.set(reason, (deadLetterReasons.get(reason) ?? 0) + 1);
    }
    // At most one request of a type can be accepted per target before it moves on (the rest are UNEXPECTED_EVENT).
    expect(tally.refused).toBeGreaterThan(requestInputs.length / 2);

    // Healthy orders sent in between all complete.
    await Promise.all(healthy.map(complete));
    await complete(receiptTarget);
    // The orders the requests were fuzzed against go on with a request that keeps the rules
    // (a fuzzed proof of one kind only may have rejected its order already, as it should).
    await platform.pay(taxTarget, assessed.data.assessmentId, assessed.data.totals.total);
    await platform.prove(proofTarget, ['INVOICE', 'TRANSACTION_RECORD']);
    await platform.cancel(cancelTarget);
    const statusOf = async (ref: Ref) => (await rest('GET', `/v1/clearances/${keyOf(ref)}`, OPS_KEY)).body.status;
    for (const [ref, ends] of [[taxTarget, ['READY_FOR_PICKUP']], [proofTarget, ['TAX_ASSESSED', 'REJECTED']], [cancelTarget, ['CANCELLED']]] as const) {
      await eventually(async () => (ends as readonly string[]).includes(await statusOf(ref)), { timeoutMs: 60_000, what: `${keyOf(ref)} at ${ends.join(' or ')}` });
    }
    const proofView = (await rest('GET', `/v1/clearances/${keyOf(proofTarget)}`, OPS_KEY)).body;
    if (proofView.status === 'REJECTED') expect(proofView.reasonCode).toBe('INSUFFICIENT_PROOF');

    // Nothing crashed: no unhandled rejection in any log, every service alive.
    expect(system.alarms).toEqual(Object.fromEntries(Object.keys(system.urls).map((name) => [name, []])));
    for (const url of Object.values(system.urls)) expect((await fetch(`${url}/health/live`)).status).toBe(200);
  }, 240_000);

  it('shows a dead letter of an order mid-pipeline with its key, the order among the stuck ones, and moves it on when replayed after the fix', async () => {
    // The declaration table refuses this order's value (a data exception, SQLSTATE 22, as
    // PostgreSQL answers a NUL it cannot hold): dead-lettered at once, the order stalls.
    const order = anOrder().directMail().withItem().build();
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    const trigger = `hostile_input_refusal_${Date.now()}`;
    let letterId: string;
    try {
      await database.query(`CREATE FUNCTION declaration.${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.order_id = '${order.orderId}' THEN RAISE EXCEPTION 'declaration refused (simulated bug)' USING ERRCODE = '22000'; END IF; RETURN NEW; END $$`);
      await database.query(`CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE ON declaration.declaration FOR EACH ROW EXECUTE FUNCTION declaration.${trigger}()`);
      await platform.placeOrder(order);
      const letter = await eventually(async () => (await deadLetters()).find((d) => d.key === keyOf(order) && d.consumerGroup === 'cbec.declaration'), { timeoutMs: 60_000, what: 'the stalled order among the dead letters' });
      expect(letter.reason).toMatch(/simulated bug.*cannot succeed on retry/);
      letterId = letter.id;
      const stuck = await eventually(
        async () => {
          const page = await rest('GET', `/v1/clearances?stuckForMs=1000&orderId=${order.orderId}`, OPS_KEY);
          return page.body.items.find((item: Ref & { status: string }) => item.orderId === order.orderId);
        },
        { timeoutMs: 30_000, what: 'the order among the stuck ones' },
      );
      expect(stuck.status).toBe('ORDER_CONFIRMED');
      expect((await rest('GET', '/v1/ops/overview', OPS_KEY)).body.deadLetters.count).toBeGreaterThan(0);
    } finally {
      await database.query(`DROP TRIGGER IF EXISTS ${trigger} ON declaration.declaration`);
      await database.query(`DROP FUNCTION IF EXISTS declaration.${trigger}()`);
      await database.end();
    }
    const replay = await rest('POST', `/v1/ops/dead-letters/${letterId!}/replay`, OPS_KEY);
    expect([200, 202]).toContain(replay.status);
    await complete(order);
  }, 120_000);
});

function expectRestAnswer(reply: { status: number; body: any; text: string }, allowed: number[]): void {
  if (!allowed.includes(reply.status)) throw new Error(`unexpected ${reply.status}: ${reply.text.slice(0, 500)}`);
  if (reply.status >= 400) {
    expect(reply.body).toEqual({ error: expect.any(String), details: expect.any(Array) });
    if (reply.status === 400) expect(reply.body.details.length + reply.body.error.length).toBeGreaterThan(0);
  }
}
