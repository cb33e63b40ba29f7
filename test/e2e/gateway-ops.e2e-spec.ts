// The ops side of the REST gateway, end to end, with every service as its own process on real
// Kafka and PostgreSQL: officer decisions, tariff edits and dead-letter replays travel to their
// owners as commands and are answered when the owner confirms; the overview, the documents and
// the ops console's reads and its page. Every order is sampled for manual review here (INSPECTION_SAMPLING_RATE=1).
import { randomUUID } from 'node:crypto';
import { Parser } from '@asyncapi/parser';
import { DECLARATION_EVENTS, INSPECTION_EVENTS, LOGISTICS_EVENTS, OPS_COMMANDS, OPS_EVENTS, ORDER_EVENTS, OUTBOUND_EVENTS, PLATFORM_EVENTS, TAX_PERMIT_EVENTS, TOPICS } from '@cbec/contracts';
import { TARIFF_SEED } from '@cbec/domain';
import { anOrder, eventually, RunningSystem, startSystem, TestPublisher, gatewayClient, GatewayReply } from '@cbec/testing';
import { Platform } from './platform';

const OPS_KEY = 'ops-key-123456';
const TMALL_KEY = 'tmall-key-123456';
const SYSTEM_ENV = {
  GATEWAY_API_KEYS: `ops:${OPS_KEY},tmall-global:${TMALL_KEY}`,
  INSPECTION_SAMPLING_RATE: '1',
  QUARANTINE_DURATION_MS: '0',
  // The machine is shared: leave the owners time to answer before a 202.
  OPS_COMMAND_TIMEOUT_MS: '20000',
};
const EVERY_EVENT_TYPE = [PLATFORM_EVENTS, OUTBOUND_EVENTS, ORDER_EVENTS, DECLARATION_EVENTS, INSPECTION_EVENTS, TAX_PERMIT_EVENTS, LOGISTICS_EVENTS, OPS_COMMANDS, OPS_EVENTS].flatMap((map) => Object.values(map));
const PHONES = TARIFF_SEED.find((entry) => entry.hsPrefix === '8517')!;

type Reply = GatewayReply;

describe('gateway ops: decisions, tariffs, dead letters, overview, documents', () => {
  let system: RunningSystem;
  let platform: Platform;
  let publisher: TestPublisher;

  beforeAll(async () => {
    system = await startSystem(undefined, SYSTEM_ENV, 4500);
    platform = await Platform.start();
    publisher = await TestPublisher.start();
  }, 180_000);

  afterAll(async () => {
    // The database outlives this suite: give phones back their seed entry.
    if (system) await api('PUT', `/v1/tariffs/${PHONES.hsPrefix}`, OPS_KEY, PHONES).catch(() => undefined);
    await publisher?.stop();
    await platform?.stop();
    await system?.stop();
  });

  const api = gatewayClient(() => system.urls.gateway);

  /** The fields a 400 names, each once. */
  const fieldsOf = (reply: Reply) => [...new Set<string>(reply.body.details.map((d: { field: string }) => d.field))].sort();
  const decide = (ref: { platformId: string; orderId: string }, body: unknown, key = OPS_KEY) => api('POST', `/v1/inspections/${ref.platformId}/${ref.orderId}/decision`, key, body);

  /** An order over Kafka, held for an officer (sampling is on for every order). */
  async function heldOrder() {
    const order = anOrder().directMail().build();
    await platform.placeOrder(order);
    // The read model is written with the outbound events, so the gateway knows the order by now.
    await platform.waitForStatus(order, 'HELD_FOR_REVIEW');
    return order;
  }

  describe('roles', () => {
    const someOrder = { platformId: 'tmall-global', orderId: 'TG-NOT-HELD' };
    const someId = randomUUID();

    it.each([
      ['decide an inspection', () => decide(someOrder, { decision: 'RELEASE' }, TMALL_KEY)],
      ['edit a tariff', () => api('PUT', '/v1/tariffs/8517', TMALL_KEY, { ...PHONES, prohibited: true })],
      ['list dead letters', () => api('GET', '/v1/ops/dead-letters', TMALL_KEY)],
      ['replay a dead letter', () => api('POST', `/v1/ops/dead-letters/${someId}/replay`, TMALL_KEY)],
      ['read the overview', () => api('GET', '/v1/ops/overview', TMALL_KEY)],
      ['read a command answer', () => api('GET', `/v1/ops/commands/${someId}`, TMALL_KEY)],
      ['read the throughput', () => api('GET', '/v1/ops/throughput', TMALL_KEY)],
      ['read the funnel', () => api('GET', '/v1/ops/funnel', TMALL_KEY)],
      ['read the reasons', () => api('GET', '/v1/ops/reasons', TMALL_KEY)],
      ['read the topics and consumer groups', () => api('GET', '/v1/ops/topics', TMALL_KEY)],
      ['read an order\'s particulars', () => api('GET', '/v1/ops/clearances/tmall-global/TG-1/particulars', TMALL_KEY)],
      ['count the dead letters', () => api('GET', '/v1/ops/dead-letters/summary', TMALL_KEY)],
      ['read a dead letter', () => api('GET', `/v1/ops/dead-letters/${someId}`, TMALL_KEY)],
    ])('refuses a platform key the right to %s: 403 in the contract error shape', async (_, call) => {
      const reply = await call();
      expect(reply.status).toBe(403);
      expect(reply.body).toEqual({ error: expect.any(String), details: [] });
    });

    it('answers 401 without a key or with a wrong one, and lets any valid key read the tariffs', async () => {
      expect((await api('GET', '/v1/ops/overview')).status).toBe(401);
      expect((await api('GET', '/v1/ops/overview', 'wrong-key-123456')).status).toBe(401);
      expect((await api('GET', '/v1/tariffs')).status).toBe(401);
      const tariffs = await api('GET', '/v1/tariffs', TMALL_KEY);
      expect(tariffs.status).toBe(200);
      expect(tariffs.body.items.map((entry: { hsPrefix: string }) => entry.hsPrefix).sort()).toEqual(TARIFF_SEED.map((entry) => entry.hsPrefix).sort());
    });
  });

  describe('inspection decisions', () => {
    it('releases a held order: 200 once inspection has applied it, and the order goes on', async () => {
      const order = await heldOrder();
      const reply = await decide(order, { decision: 'RELEASE', note: 'documents in order' });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ requestId: expect.any(String), outcome: 'APPLIED', message: expect.stringContaining('released') });
      await platform.waitForStatus(order, 'APPROVED');
      await platform.waitFor(order, OUTBOUND_EVENTS.taxAssessed);
    });

    it('fails a held order: INSPECTION_FAILED with the note; a second decision is 409, as the order no longer waits', async () => {
      const order = await heldOrder();
      const reply = await decide(order, { decision: 'FAIL', note: 'label does not match the goods' });
      expect(reply.status).toBe(200);
      const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
      expect(rejected.data).toMatchObject({ reasonCode: 'INSPECTION_FAILED', details: [{ message: 'failed by the inspecting officer: label does not match the goods' }] });

      const again = await decide(order, { decision: 'RELEASE' });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({ error: 'order is REJECTED, not waiting for an officer', details: [] });
    });

    it('answers 409 for an order that is not held, 404 for an unknown one, 400 for a bad decision', async () => {
      const order = anOrder().directMail().build();
      await platform.placeOrder(order);
      await platform.waitForStatus(order, 'HELD_FOR_REVIEW');
      const released = await decide(order, { decision: 'RELEASE' });
      expect(released.status).toBe(200);
      await platform.waitForStatus(order, 'APPROVED');
      const notHeld = await decide(order, { decision: 'FAIL' });
      expect(notHeld.status).toBe(409);
      expect(notHeld.body.error).toMatch(/not waiting for an officer/);

      expect((await decide({ platformId: 'tmall-global', orderId: `TG-UNKNOWN-${Date.now()}` }, { decision: 'RELEASE' })).status).toBe(404);
      const bad = await decide(order, { decision: 'MAYBE', note: 42 });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['decision', 'note']);
    });
  });

  describe('tariffs', () => {
    it('makes phones prohibited over REST: 200 once tax-permit has saved it; the table shows it, and a later order of phones is REJECTED PROHIBITED_GOODS', async () => {
      const { hsPrefix, ...fields } = PHONES;
      const reply = await api('PUT', `/v1/tariffs/${hsPrefix}`, OPS_KEY, { ...fields, cbecEligible: false, prohibited: true });
      expect(reply.status).toBe(200);
      expect(reply.body).toEqual({ ...PHONES, cbecEligible: false, prohibited: true });
      const table = await api('GET', '/v1/tariffs', OPS_KEY);
      expect(table.body.items.find((entry: { hsPrefix: string }) => entry.hsPrefix === '8517')).toEqual({ ...PHONES, cbecEligible: false, prohibited: true });

      const phone = anOrder().directMail().withItem({ sku: 'PHONE', name: 'Smartphone', hsCode: '8517130000', unitPrice: '3999.00' }).build();
      await platform.placeOrder(phone);
      const rejected = await platform.waitFor(phone, OUTBOUND_EVENTS.rejected);
      expect(rejected.data.reasonCode).toBe('PROHIBITED_GOODS');
    });

    it('answers 400 naming every wrong field of an entry, and of the path', async () => {
      const bad = await api('PUT', '/v1/tariffs/8517', OPS_KEY, { ...PHONES, consumptionTaxRate: '1', vatRate: 0.13, hsPrefix: '8518' });
      expect(bad.status).toBe(400);
      expect(fieldsOf(bad)).toEqual(['consumptionTaxRate', 'hsPrefix', 'vatRate']);
      const badPath = await api('PUT', '/v1/tariffs/85', OPS_KEY, PHONES);
      expect(badPath.status).toBe(400);
      expect(badPath.body.details).toContainEqual(expect.objectContaining({ field: 'hsPrefix' }));
    });
  });

  describe('dead letters', () => {
    it('lists garbage published to cbec.platform.inbound with its reason and payload, and replays it: dead-lettered again, the replay visible', async () => {
      const garbage = `this is not a CloudEvent ${randomUUID()}`;
      await publisher.send(TOPICS.platformInbound, { key: 'garbage', value: garbage });
      const listed = await eventually(
        async () => {
          const page = await api('GET', '/v1/ops/dead-letters?consumerGroup=cbec.order', OPS_KEY);
          return page.body.items.find((item: { payload: string }) => item.payload === garbage);
        },
        { what: 'the garbage among the dead letters' },
      );
      expect(listed).toMatchObject({ consumerGroup: 'cbec.order', topic: TOPICS.platformInbound, key: 'garbage', reason: 'value is not valid JSON', attempts: 0, replayCount: 0, replayedAt: null });
      expect(listed).toEqual(expect.objectContaining({ id: expect.any(String), partition: expect.any(Number), offset: expect.any(String), deadAt: expect.any(String) }));

      const replay = await api('POST', `/v1/ops/dead-letters/${listed.id}/replay`, OPS_KEY);
      expect(replay.status).toBe(200);
      expect(replay.body).toMatchObject({ outcome: 'APPLIED', message: expect.stringContaining(TOPICS.platformInbound) });

      const copies = await eventually(
        async () => {
          const page = await api('GET', '/v1/ops/dead-letters', OPS_KEY);
          const found = page.body.items.filter((item: { payload: string }) => item.payload === garbage);
          return found.length === 2 && found.some((item: { replayCount: number }) => item.replayCount === 1) ? found : undefined;
        },
        { what: 'the replayed garbage dead-lettered again' },
      );
      const [again, original] = copies;
      expect(original).toMatchObject({ id: listed.id, replayCount: 1, replayedAt: expect.any(String) });
      expect(again).toMatchObject({ replayCount: 0, reason: 'value is not valid JSON' });
      expect(Date.parse(again.deadAt)).toBeGreaterThan(Date.parse(original.deadAt));

      expect((await api('POST', `/v1/ops/dead-letters/${randomUUID()}/replay`, OPS_KEY)).status).toBe(404);
      expect((await api('GET', '/v1/ops/dead-letters?limit=0', OPS_KEY)).body.details).toEqual([expect.objectContaining({ field: 'limit' })]);
    });

    it('pages newest first with a cursor', async () => {
      const first = await api('GET', '/v1/ops/dead-letters?limit=1', OPS_KEY);
      expect(first.body.items).toHaveLength(1);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await api('GET', `/v1/ops/dead-letters?limit=1&cursor=${first.body.nextCursor}`, OPS_KEY);
      expect(second.body.items).toHaveLength(1);
      expect(Date.parse(second.body.items[0].deadAt)).toBeLessThanOrEqual(Date.parse(first.body.items[0].deadAt));
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });
  });

  describe('overview', () => {
    it('counts orders by status and model, throughput, the lag of every consumer group and the dead letters not replayed', async () => {
      const { status, body } = await api('GET', '/v1/ops/overview', OPS_KEY);
      expect(status).toBe(200);
      expect(body.orders.total).toBeGreaterThanOrEqual(4);
      expect(body.orders.byStatus.REJECTED).toBeGreaterThanOrEqual(2);
      expect(body.orders.byModel.DIRECT_MAIL).toBeGreaterThanOrEqual(4);
      expect(Object.values<number>(body.orders.byStatus).reduce((a, b) => a + b, 0)).toBe(body.orders.total);
      expect(body.throughput).toEqual({ completedLastMinute: expect.any(Number), completedLastHour: expect.any(Number), receivedLastMinute: expect.any(Number) });
      expect(body.throughput.receivedLastMinute).toBeGreaterThanOrEqual(1);
      expect(body.consumerLag.map((group: { consumerGroup: string }) => group.consumerGroup).sort()).toEqual(['cbec.declaration', 'cbec.gateway.outbound', 'cbec.inspection', 'cbec.logistics', 'cbec.ops', 'cbec.order', 'cbec.single-window', 'cbec.tax-permit']);
      for (const group of body.consumerLag) expect(group.lag).toEqual(expect.any(Number));
      expect(body.deadLetters.count).toBeGreaterThanOrEqual(1);
    });
  });

  describe('what the ops console reads', () => {
    it('counts orders entering and completing per minute over the last hour, the current minute last', async () => {
      const { status, body } = await api('GET', '/v1/ops/throughput', OPS_KEY);
      expect(status).toBe(200);
      expect(body.minutes).toBe(60);
      expect(body.series).toHaveLength(60);
      expect(Date.parse(body.series[59].minute)).toBeLessThanOrEqual(Date.now());
      expect(Date.now() - Date.parse(body.series[59].minute)).toBeLessThan(120_000);
      expect(body.series.reduce((sum: number, m: { entered: number }) => sum + m.entered, 0)).toBeGreaterThanOrEqual(4);
      expect(body.series.every((m: { completed: number }) => Number.isInteger(m.completed))).toBe(true);
      expect((await api('GET', '/v1/ops/throughput?minutes=5', OPS_KEY)).body.series).toHaveLength(5);
      expect(fieldsOf(await api('GET', '/v1/ops/throughput?minutes=0&since=x', OPS_KEY))).toEqual(['minutes', 'since']);
    });

    it('gives the funnel of the steps of the orders of the window, for every model or one', async () => {
      const { body } = await api('GET', '/v1/ops/funnel?model=DIRECT_MAIL', OPS_KEY);
      expect(body.model).toBe('DIRECT_MAIL');
      const reached = Object.fromEntries(body.steps.map((step: { status: string; orders: number }) => [step.status, step.orders]));
      expect(reached.RECEIVED).toBe(body.entered);
      expect(reached.HELD_FOR_REVIEW).toBeGreaterThanOrEqual(3);
      expect(reached.APPROVED).toBeGreaterThanOrEqual(2);
      expect(body.steps.find((step: { status: string }) => step.status === 'HELD_FOR_REVIEW').optional).toBe(true);
      expect(body.rejected).toBeGreaterThanOrEqual(2);
      expect((await api('GET', '/v1/ops/funnel?model=BY_SEA', OPS_KEY)).status).toBe(400);
    });

    it('counts rejections and refusals by reason code', async () => {
      const { body } = await api('GET', '/v1/ops/reasons?hours=1', OPS_KEY);
      const rejections = Object.fromEntries(body.rejections.map((r: { reasonCode: string; count: number }) => [r.reasonCode, r.count]));
      expect(rejections.INSPECTION_FAILED).toBeGreaterThanOrEqual(1);
      expect(rejections.PROHIBITED_GOODS).toBeGreaterThanOrEqual(1);
      expect(body.refusals).toEqual(expect.any(Array));
    });

    it('lists every topic with its partitions and offsets, and every consumer group with its lag per partition, from the admin API', async () => {
      const first = await api('GET', '/v1/ops/topics', OPS_KEY);
      expect(first.status).toBe(200);
      expect(first.body.brokerAvailable).toBe(true);
      const inbound = first.body.topics.find((topic: { topic: string }) => topic.topic === TOPICS.platformInbound);
      expect(inbound.partitions).toHaveLength(6);
      expect(inbound.partitions[0]).toEqual({ partition: 0, leader: expect.any(Number), low: expect.any(String), high: expect.any(String), messages: expect.any(Number) });
      expect(inbound.endOffset).toBeGreaterThan(0);
      expect(first.body.topics.some((topic: { topic: string }) => topic.topic.startsWith('__'))).toBe(false);
      const systemGroups = first.body.consumerGroups.filter((group: { system: boolean }) => group.system).map((group: { consumerGroup: string }) => group.consumerGroup);
      expect(systemGroups.sort()).toEqual(['cbec.declaration', 'cbec.gateway.outbound', 'cbec.inspection', 'cbec.logistics', 'cbec.ops', 'cbec.order', 'cbec.single-window', 'cbec.tax-permit']);
      const order = first.body.consumerGroups.find((group: { consumerGroup: string }) => group.consumerGroup === 'cbec.order');
      expect(order).toMatchObject({ state: 'Stable', members: 1, lag: expect.any(Number) });
      expect(order.partitions).toContainEqual({ topic: TOPICS.platformInbound, partition: expect.any(Number), committed: expect.any(String), end: expect.any(String), lag: expect.any(Number) });

      // A later reading has an earlier one to compare with: rates and trends.
      const second = await eventually(
        async () => {
          const later = await api('GET', '/v1/ops/topics', OPS_KEY);
          return later.body.topics.every((topic: { ratePerSecond: number | null }) => topic.ratePerSecond !== null) ? later : undefined;
        },
        { what: 'message rates' },
      );
      expect(second.body.consumerGroups.find((group: { consumerGroup: string }) => group.consumerGroup === 'cbec.order').lagTrend).toMatch(/^(GROWING|SHRINKING|STEADY)$/);
    });

    it('shows an order\'s particulars with ID numbers and phones masked, and 404 for an unknown order', async () => {
      const order = await heldOrder();
      const { status, body } = await api('GET', `/v1/ops/clearances/${order.platformId}/${order.orderId}/particulars`, OPS_KEY);
      expect(status).toBe(200);
      const id = order.consumer.idNumber;
      expect(body.particulars.consignee).toMatchObject({ name: order.consumer.name, idNumber: `${id.slice(0, 6)}********${id.slice(-4)}`, phone: '+86138****0000' });
      expect(body.particulars.payment.payerIdNumber).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
      expect(body.particulars.items).toEqual(order.items);
      expect(body.particulars.documents.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['PACKING_LIST', 'INVOICE']));
      expect(JSON.stringify(body)).not.toContain(id);
      expect((await api('GET', `/v1/ops/clearances/tmall-global/TG-UNKNOWN-${Date.now()}/particulars`, OPS_KEY)).status).toBe(404);
    });

    it('finds orders by the start of their id and by the time they were received', async () => {
      const order = await heldOrder();
      const prefix = order.orderId.slice(0, -2);
      const byId = await api('GET', `/v1/clearances?orderId=${prefix}`, OPS_KEY);
      expect(byId.body.items.map((item: { orderId: string }) => item.orderId)).toContain(order.orderId);
      expect(byId.body.items.every((item: { orderId: string }) => item.orderId.startsWith(prefix))).toBe(true);
      const { createdAt } = (await api('GET', `/v1/clearances/${order.platformId}/${order.orderId}`, OPS_KEY)).body;
      const window = await api('GET', `/v1/clearances?createdFrom=${createdAt}&createdTo=${new Date(Date.parse(createdAt) + 1).toISOString()}`, OPS_KEY);
      expect(window.body.items.map((item: { orderId: string }) => item.orderId)).toContain(order.orderId);
      const before = await api('GET', `/v1/clearances?createdTo=${createdAt}&orderId=${order.orderId}`, OPS_KEY);
      expect(before.body.items).toEqual([]);
    });

    it('counts dead letters by group and reason, filters by reason, and tells what became of a replay', async () => {
      const summary = await api('GET', '/v1/ops/dead-letters/summary', OPS_KEY);
      expect(summary.body.reasons).toContainEqual({ consumerGroup: 'cbec.order', reason: 'value is not valid JSON', count: expect.any(Number), notReplayed: expect.any(Number), lastDeadAt: expect.any(String) });
      const matching = await api('GET', '/v1/ops/dead-letters?reason=NOT%20VALID%20json', OPS_KEY);
      expect(matching.body.items.length).toBeGreaterThanOrEqual(2);
      expect(matching.body.items.every((item: { reason: string }) => item.reason === 'value is not valid JSON')).toBe(true);
      expect((await api('GET', '/v1/ops/dead-letters?reason=no%20such%20reason%25', OPS_KEY)).body.items).toEqual([]);

      const replayed = matching.body.items.find((item: { replayCount: number }) => item.replayCount === 1);
      const detail = await api('GET', `/v1/ops/dead-letters/${replayed.id}`, OPS_KEY);
      expect(detail.body).toMatchObject({ id: replayed.id, replay: { state: 'DEAD_LETTERED_AGAIN', deadLetterId: expect.any(String), reason: 'value is not valid JSON' } });
      const never = matching.body.items.find((item: { replayCount: number }) => item.replayCount === 0);
      expect((await api('GET', `/v1/ops/dead-letters/${never.id}`, OPS_KEY)).body.replay).toEqual({ state: 'NOT_REPLAYED' });
      expect((await api('GET', `/v1/ops/dead-letters/${randomUUID()}`, OPS_KEY)).status).toBe(404);
    });
  });

  describe('an answer later than OPS_COMMAND_TIMEOUT_MS', () => {
    it('replies 202 PENDING with a link, where the answer is found once the owner has given it', async () => {
      // The ops service waits for the owners' answers: the gateway only passes the call on.
      await system.restart('ops', { OPS_COMMAND_TIMEOUT_MS: '0' });
      const reply = await api('PUT', `/v1/tariffs/${PHONES.hsPrefix}`, OPS_KEY, PHONES);
      expect(reply.status).toBe(202);
      expect(reply.body).toEqual({ requestId: expect.any(String), status: 'PENDING', links: { answer: `/v1/ops/commands/${reply.body.requestId}` } });
      const answer = await eventually(
        async () => {
          const later = await api('GET', reply.body.links.answer, OPS_KEY);
          return later.status === 200 ? later : undefined;
        },
        { what: 'the answer of tax-permit' },
      );
      expect(answer.body).toEqual({ requestId: reply.body.requestId, outcome: 'APPLIED', message: 'tariff entry 8517 saved' });
      const table = await api('GET', '/v1/tariffs', OPS_KEY);
      expect(table.body.items.find((entry: { hsPrefix: string }) => entry.hsPrefix === '8517')).toEqual(PHONES);
      expect((await api('GET', `/v1/ops/commands/${randomUUID()}`, OPS_KEY)).status).toBe(404);
    });
  });

  describe('documents and the ops page, with no key', () => {
    it('serves the OpenAPI UI at /docs and its JSON, with the /v1 calls and the bearer scheme, at /docs-json', async () => {
      const ui = await api('GET', '/docs');
      expect(ui.status).toBe(200);
      expect(ui.contentType).toMatch(/text\/html/);
      const { status, body } = await api('GET', '/docs-json');
      expect(status).toBe(200);
      expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/v1/tariffs', '/v1/tariffs/{hsPrefix}', '/v1/inspections/{platformId}/{orderId}/decision', '/v1/ops/overview', '/v1/ops/dead-letters', '/v1/ops/dead-letters/{id}/replay']));
      expect(body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    });

    it('serves an AsyncAPI document that @asyncapi/parser accepts, with every event type of libs/contracts', async () => {
      const { status, body } = await api('GET', '/asyncapi');
      expect(status).toBe(200);
      const { document, diagnostics } = await new Parser().parse(body);
      expect(diagnostics.filter((d) => d.severity === 0)).toEqual([]);
      expect(document).toBeDefined();
      const messageNames = document!.components().messages().all().map((message) => message.name());
      expect(messageNames).toEqual(expect.arrayContaining(EVERY_EVENT_TYPE));
      const addresses = document!.channels().all().map((channel) => channel.address());
      expect(addresses).toEqual(expect.arrayContaining(Object.values(TOPICS)));
    });

    it('serves the ops console at /: its page, its modules and its chart library from node_modules, and nothing else', async () => {
      const page = await fetch(`${system.urls.gateway}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain('/console/app.js');
      expect(html).toContain('/console/vendor/uPlot.iife.min.js');
      const app = await api('GET', '/console/app.js');
      expect(app.contentType).toMatch(/text\/javascript/);
      expect(app.text).toContain('/v1/ops/overview');
      expect(app.text).toContain('ops key');
      expect((await api('GET', '/console/views/overview.js')).status).toBe(200);
      const chart = await api('GET', '/console/vendor/uPlot.iife.min.js');
      expect(chart.status).toBe(200);
      expect(chart.text).toContain('uPlot');
      const etag = (await fetch(`${system.urls.gateway}/console/app.js`)).headers.get('etag');
      expect(etag).toEqual(expect.any(String));
      expect((await fetch(`${system.urls.gateway}/console/app.js`, { headers: { 'if-none-match': etag! } })).status).toBe(304);
      for (const missing of ['/console/nothing.js', '/console/..%2Fpackage.json', '/console/vendor/..%2F..%2Fpackage.json']) expect((await api('GET', missing)).status).toBe(404);
    });
  });
});
