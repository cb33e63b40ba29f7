/// <reference lib="dom" />
// The ops console in a real headless Chromium (Debian's chromium package, driven by
// playwright-core), on the whole system as processes on real Kafka and PostgreSQL: log in with
// the ops key, watch an order arrive and complete without a reload, find it and read its
// timeline, find a stuck order, replay dead letters and see what became of them, decide a held
// inspection, edit a tariff, read the topics and consumer groups, and fit a phone. Each view is
// saved as a screenshot under tmp/ops-console/ (docs/ops-console.md shows copies kept in docs/).
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import type { Browser, Page } from 'playwright-core';
import { OrderPlacedData, TOPICS } from '@cbec/contracts';
import { TARIFF_SEED } from '@cbec/domain';
import { anOrder, chromiumAvailable, eventually, launchChromium, RunningSystem, startSystem, TestPublisher } from '@cbec/testing';
import { Platform } from './platform';

const SCREENSHOTS = path.resolve(__dirname, '../../tmp/ops-console');
const OPS_KEY = 'ops-console-key-1';
const TMALL_KEY = 'tmall-console-key-1';
/** Half of the orders are held for an officer; each test picks which kind it needs. */
const SAMPLING_RATE = 0.5;
const SYSTEM_ENV = {
  GATEWAY_API_KEYS: `ops:${OPS_KEY},tmall-global:${TMALL_KEY}`,
  INSPECTION_SAMPLING_RATE: String(SAMPLING_RATE),
  QUARANTINE_DURATION_MS: '0',
  // The machine is shared: leave the owners time to answer before a 202.
  OPS_COMMAND_TIMEOUT_MS: '20000',
};
const BOOKS = TARIFF_SEED.find((entry) => entry.hsPrefix === '4901')!;
const UI_TIMEOUT_MS = 60_000;

const browserCheck = chromiumAvailable();
if (!browserCheck.ok) process.stderr.write(`\n[ops-console] SKIPPED: ${browserCheck.reason}\n`);
const describeInBrowser = browserCheck.ok ? describe : describe.skip;

describeInBrowser('the ops console, in headless Chromium', () => {
  let system: RunningSystem;
  let platform: Platform;
  let publisher: TestPublisher;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    fs.rmSync(SCREENSHOTS, { recursive: true, force: true });
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    // The services create the topics the platform's clients need.
    system = await startSystem(undefined, SYSTEM_ENV, 4600);
    platform = await Platform.start();
    publisher = await TestPublisher.start();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
    // Answers of 401 and 403 at the login are expected; anything else the console logs is a bug.
    page.on('console', (message) => message.type() === 'error' && !/Failed to load resource/.test(message.text()) && pageErrors.push(message.text()));
  }, 240_000);

  afterAll(async () => {
    if (system) await rest('PUT', `/v1/tariffs/${BOOKS.hsPrefix}`, OPS_KEY, BOOKS).catch(() => undefined);
    await browser?.close();
    await publisher?.stop();
    await platform?.stop();
    await system?.stop();
  });

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  async function rest(method: string, route: string, key: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${system.urls.gateway}${route}`, { method, headers: { authorization: `Bearer ${key}`, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    return { status: response.status, body: await response.json().catch(() => undefined) };
  }

  const statusOf = async (order: OrderPlacedData) => (await rest('GET', `/v1/clearances/${order.platformId}/${order.orderId}`, OPS_KEY)).body?.status;
  const waitForStatus = (order: OrderPlacedData, wanted: string[]) => eventually(async () => wanted.includes(await statusOf(order)), { timeoutMs: UI_TIMEOUT_MS, what: `${order.orderId} at ${wanted.join(' or ')}` });
  const keyOf = (order: OrderPlacedData) => `${order.platformId}/${order.orderId}`;
  const shoot = async (name: string) => {
    // From the top, so that the sticky header is where it belongs in a full-page picture.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };
  const open = async (hash: string) => {
    await page.evaluate((h) => (location.hash = h), hash);
    await page.waitForSelector(`.view[data-view="${hash.split('/')[1]}"]`);
  };
  const statusIn = (selector: string) => page.locator(`${selector} [data-status]`).first().getAttribute('data-status', { timeout: UI_TIMEOUT_MS });

  let liveOrder: OrderPlacedData;
  let heldOrder: OrderPlacedData;
  let secondHeldOrder: OrderPlacedData;

  it('asks for the ops key, refuses a wrong key (401) and a platform key (403), and opens with the ops key', async () => {
    await page.goto(system.urls.gateway);
    await page.waitForSelector('form.login');
    expect(await page.locator('#nav').isVisible()).toBe(false);
    await shoot('login');
    for (const [key, answer] of [
      ['not-a-key-at-all', '401'],
      [TMALL_KEY, '403'],
    ]) {
      await page.fill('#ops-key', key);
      await page.click('form.login button[type=submit]');
      await page.waitForFunction((text) => document.querySelector('#login-message')?.textContent?.includes(text), answer);
    }
    await page.fill('#ops-key', OPS_KEY);
    await page.click('form.login button[type=submit]');
    await page.waitForSelector('#overview-cards .card');
    expect(await page.locator('#nav').isVisible()).toBe(true);
    // No call behind the page answers without the ops key.
    for (const route of ['/v1/ops/throughput', '/v1/ops/funnel', '/v1/ops/reasons', '/v1/ops/topics', '/v1/ops/dead-letters/summary']) {
      expect([route, (await rest('GET', route, TMALL_KEY)).status]).toEqual([route, 403]);
    }
  });

  it('shows an order submitted during the test appear and move to COMPLETED without a reload', async () => {
    await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
    liveOrder = anOrder().directMail().notSampledForReview(SAMPLING_RATE).build();
    await platform.placeOrder(liveOrder);
    const row = `#recent tr[data-order="${keyOf(liveOrder)}"]`;
    await page.waitForSelector(row, { timeout: UI_TIMEOUT_MS });
    // It cannot complete before the platform signs for it below: the page saw it on its way.
    expect(await statusIn(row)).not.toBe('COMPLETED');

    await platform.waitForStatus(liveOrder, 'OUT_FOR_DELIVERY', UI_TIMEOUT_MS);
    await page.waitForSelector(`${row} [data-status="OUT_FOR_DELIVERY"]`, { timeout: UI_TIMEOUT_MS });
    await platform.sign(liveOrder);
    await page.waitForSelector(`${row} [data-status="COMPLETED"]`, { timeout: UI_TIMEOUT_MS });
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    // The chart, the funnel and the counts follow.
    await page.waitForFunction(() => Number(document.querySelector('#funnel li[data-label="COMPLETED"] .bar-value')?.textContent?.split(' ')[0]) >= 1, undefined, { timeout: UI_TIMEOUT_MS });
    expect(await page.locator('.chart canvas').count()).toBeGreaterThan(0);
    expect(await page.locator('.chart .u-legend').textContent()).toContain('completing');
    await shoot('overview');
  });

  it('finds the order by its id and shows its timeline, step by step, with the tax, the delivery and the consignee masked', async () => {
    await open('#/orders');
    await page.fill('#order-search input[name=orderId]', liveOrder.orderId);
    await page.click('#order-search button[type=submit]');
    await page.waitForSelector(`#order-results tr[data-order="${keyOf(liveOrder)}"]`);
    expect(await page.locator('#order-results tbody tr').count()).toBe(1);
    await shoot('orders');

    await page.click(`#order-results tr[data-order="${keyOf(liveOrder)}"] a.order-link`);
    await page.waitForSelector('#timeline li[data-status="COMPLETED"]');
    const steps = await page.$$eval('#timeline li', (items) => items.map((li) => ({ status: (li as HTMLElement).dataset.status, service: (li as HTMLElement).dataset.service, text: li.textContent ?? '' })));
    expect(steps.filter((s) => s.status).map((s) => `${s.status} by ${s.service}`)).toEqual([
      'RECEIVED by gateway',
      'ORDER_CONFIRMED by order',
      'DOCUMENTS_REQUESTED by declaration',
      'DOCUMENTS_READY by logistics',
      'DECLARED by declaration',
      'UNDER_REVIEW by inspection',
      'APPROVED by inspection',
      'TAX_ASSESSED by tax-permit',
      'TAX_PAID by tax-permit',
      'IN_TRANSIT by logistics',
      'OUT_FOR_DELIVERY by logistics',
      'COMPLETED by logistics',
    ]);
    const completed = steps.find((s) => s.status === 'COMPLETED')!;
    expect(completed.text).toContain('customs 899');
    expect(completed.text).toMatch(/\+\d/);
    expect(steps.find((s) => !s.status)?.service).toBe('gateway');

    const content = (await page.textContent('main'))!;
    expect(content).toMatch(/declaration number\s*\S+/);
    expect(content).toContain('Tax assessment');
    expect(content).toContain('CBEC_RETAIL');
    expect(content).toContain(liveOrder.items[0].sku);
    expect(content).toContain(`Delivery`);
    expect(content).toContain(liveOrder.logistics.carrier);
    const id = liveOrder.consumer.idNumber;
    expect(content).toContain(`${id.slice(0, 6)}********${id.slice(-4)}`);
    expect(content).toContain('+86138****0000');
    expect(content).not.toContain(id);
    expect(content).not.toContain('13800000000');
    expect(content).toContain('PACKING_LIST');
    await shoot('order');
  });

  it('finds an order from the header on any page, by platformId/orderId or by its id alone, and opens its view', async () => {
    const findFromHeader = async (text: string) => {
      await page.fill('#find-order-input', text);
      await page.press('#find-order-input', 'Enter');
    };
    await open('#/topics');
    await findFromHeader(liveOrder.orderId);
    await page.waitForFunction((hash) => location.hash === hash, `#/orders/${keyOf(liveOrder)}`);
    await page.waitForSelector('#timeline li[data-status="COMPLETED"]');

    await open('#/dead-letters');
    await findFromHeader(keyOf(liveOrder));
    await page.waitForSelector('#timeline li[data-status="COMPLETED"]');
    expect(await page.evaluate(() => location.hash)).toBe(`#/orders/${keyOf(liveOrder)}`);

    await open('#/tariffs');
    await findFromHeader(`NO-SUCH-ORDER-${Date.now()}`);
    await page.waitForFunction(() => document.querySelector('#find-order-message')?.textContent?.startsWith('no order'));
    expect(await page.evaluate(() => location.hash)).toBe('#/tariffs');
  });

  it('finds a stuck order: one held for an officer longer than the threshold set on the page', async () => {
    heldOrder = anOrder().directMail().sampledForReview(SAMPLING_RATE).build();
    secondHeldOrder = anOrder().directMail().sampledForReview(SAMPLING_RATE).build();
    await platform.placeOrder(heldOrder);
    await platform.placeOrder(secondHeldOrder);
    await platform.waitForStatus(heldOrder, 'HELD_FOR_REVIEW', UI_TIMEOUT_MS);
    await platform.waitForStatus(secondHeldOrder, 'HELD_FOR_REVIEW', UI_TIMEOUT_MS);
    await open('#/overview');
    await page.selectOption('#stuck-unit', 'seconds');
    await page.fill('#stuck-threshold', '3');
    await page.dispatchEvent('#stuck-threshold', 'change');
    const row = `#stuck tr[data-order="${keyOf(heldOrder)}"]`;
    await page.waitForSelector(`${row} [data-status="HELD_FOR_REVIEW"]`, { timeout: UI_TIMEOUT_MS });
    // The completed order is never stuck.
    expect(await page.locator(`#stuck tr[data-order="${keyOf(liveOrder)}"]`).count()).toBe(0);
    await shoot('overview-stuck');
  });

  it('replays a selection of dead letters: an order its group failed to handle is processed, garbage is dead-lettered again', async () => {
    // The order service's table refuses this one order for a while, as a database in trouble
    // would: every attempt fails and the order-placed event is dead-lettered.
    const stalled = anOrder().directMail().notSampledForReview(SAMPLING_RATE).build();
    const database = new Client({ connectionString: process.env.DATABASE_URL });
    await database.connect();
    const trigger = `console_test_outage_${Date.now()}`;
    try {
      await database.query(`CREATE FUNCTION orders.${trigger}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN IF NEW.order_id = '${stalled.orderId}' THEN RAISE EXCEPTION 'intake_order unavailable (simulated outage)'; END IF; RETURN NEW; END $$`);
      await database.query(`CREATE TRIGGER ${trigger} BEFORE INSERT OR UPDATE ON orders.intake_order FOR EACH ROW EXECUTE FUNCTION orders.${trigger}()`);
      await platform.placeOrder(stalled);
      await eventually(async () => (await rest('GET', '/v1/ops/dead-letters?consumerGroup=cbec.order&reason=simulated%20outage', OPS_KEY)).body.items.find((d: { key: string }) => d.key === keyOf(stalled)), { timeoutMs: UI_TIMEOUT_MS, what: 'the stalled order among the dead letters' });
    } finally {
      await database.query(`DROP TRIGGER IF EXISTS ${trigger} ON orders.intake_order`);
      await database.query(`DROP FUNCTION IF EXISTS orders.${trigger}()`);
      await database.end();
    }
    const garbage = `not a CloudEvent, from the console test ${Date.now()}`;
    await publisher.send(TOPICS.platformInbound, { key: 'console-garbage', value: garbage });

    await open('#/dead-letters');
    const stalledLetter = `article.letter[data-key="${keyOf(stalled)}"]`;
    const garbageLetter = 'article.letter[data-key="console-garbage"]';
    await page.waitForSelector(stalledLetter, { timeout: UI_TIMEOUT_MS });
    await page.waitForSelector(garbageLetter, { timeout: UI_TIMEOUT_MS });
    expect(await page.textContent(`${stalledLetter} .reason`)).toMatch(/handler failed after 5 attempts: intake_order unavailable \(simulated outage\).*5 attempt\(s\)/);
    await page.click(`${stalledLetter} details summary`);
    expect(await page.textContent(`${stalledLetter} pre.payload`)).toContain(stalled.orderId);
    expect(await page.textContent('#dead-letter-summary')).toContain('simulated outage');

    await page.check(`${stalledLetter} header input[type=checkbox]`);
    await page.check(`${garbageLetter} header input[type=checkbox]`);
    await page.click('#replay-selected');
    await page.waitForSelector(`${stalledLetter} .outcome[data-outcome="PROCESSED"]`, { timeout: UI_TIMEOUT_MS });
    await page.waitForSelector(`${garbageLetter} .outcome[data-outcome="DEAD_LETTERED_AGAIN"]`, { timeout: UI_TIMEOUT_MS });
    expect(await page.textContent(`${garbageLetter} .outcome`)).toContain('value is not valid JSON');
    // Processed for real: the order has gone on from where it stalled.
    await waitForStatus(stalled, ['OUT_FOR_DELIVERY']);
    await shoot('dead-letters');
  });

  it('decides held inspections with a note, in the list and on an order\'s page, and shows the answer of the inspection service', async () => {
    await open('#/inspections');
    const row = `#held-inspections tr[data-order="${keyOf(heldOrder)}"]`;
    await page.waitForSelector(row, { timeout: UI_TIMEOUT_MS });
    await page.waitForSelector(`#held-inspections tr[data-order="${keyOf(secondHeldOrder)}"]`, { timeout: UI_TIMEOUT_MS });
    await page.fill(`${row} input.note`, 'label and goods match');
    await page.click(`${row} button[data-decision="RELEASE"]`);
    const decided = `#decided-inspections tr[data-order="${keyOf(heldOrder)}"]`;
    await page.waitForSelector(decided, { timeout: UI_TIMEOUT_MS });
    expect(await page.textContent(decided)).toMatch(/RELEASE.*APPLIED.*released/);
    await waitForStatus(heldOrder, ['APPROVED', 'TAX_ASSESSED', 'TAX_PAID', 'IN_TRANSIT', 'OUT_FOR_DELIVERY']);
    await page.waitForFunction((key) => !document.querySelector(`#held-inspections tr[data-order="${key}"]`), keyOf(heldOrder), { timeout: UI_TIMEOUT_MS });
    await shoot('inspections');

    await page.click(`#held-inspections tr[data-order="${keyOf(secondHeldOrder)}"] a.order-link`);
    const form = `.decision[data-decision-for="${keyOf(secondHeldOrder)}"]`;
    await page.waitForSelector(form);
    await page.fill(`${form} input.note`, 'goods do not match the declaration');
    await page.click(`${form} button[data-decision="FAIL"]`);
    await page.waitForFunction((selector) => document.querySelector(`${selector} .answer`)?.textContent?.includes('APPLIED'), form, { timeout: UI_TIMEOUT_MS });
    await page.waitForSelector('#timeline li[data-status="REJECTED"]', { timeout: UI_TIMEOUT_MS });
    expect(await page.textContent('#timeline li[data-status="REJECTED"]')).toContain('INSPECTION_FAILED');
    await shoot('order-decided');
  });

  it('edits a tariff: the form refuses a bad rate, then tax-permit saves the entry and the table shows it', async () => {
    await open('#/tariffs');
    await page.click(`button[data-edit="${BOOKS.hsPrefix}"]`);
    await page.waitForSelector('#tariff-form');
    await page.fill('#tariff-form input[name=vatRate]', 'thirteen');
    await page.fill('#tariff-form input[name=consumptionTaxRate]', '1.5');
    await page.click('#tariff-form button[type=submit]');
    expect(await page.textContent('[data-error-for="vatRate"]')).toContain('decimal');
    expect(await page.textContent('[data-error-for="consumptionTaxRate"]')).toContain('below 1');
    expect(await page.textContent('#tariff-answer')).toContain('not sent');

    await page.fill('#tariff-form input[name=vatRate]', '0.10');
    await page.fill('#tariff-form input[name=consumptionTaxRate]', '0');
    await page.fill('#tariff-form input[name=description]', 'printed books, brochures and leaflets');
    await page.click('#tariff-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('#tariff-answer')?.textContent?.includes('APPLIED'), undefined, { timeout: UI_TIMEOUT_MS });
    await page.waitForFunction(() => document.querySelector('#tariff-table tr[data-hs-prefix="4901"]')?.textContent?.includes('0.10'), undefined, { timeout: UI_TIMEOUT_MS });
    const saved = (await rest('GET', '/v1/tariffs', OPS_KEY)).body.items.find((entry: { hsPrefix: string }) => entry.hsPrefix === BOOKS.hsPrefix);
    expect(saved).toEqual({ ...BOOKS, vatRate: '0.10', description: 'printed books, brochures and leaflets' });
    await shoot('tariffs');
  });

  it('shows every topic with partitions, offsets and rate, and every consumer group with its lag per partition', async () => {
    await open('#/topics');
    await page.waitForSelector(`#topics tr[data-topic="${TOPICS.platformInbound}"]`);
    for (const group of ['cbec.order', 'cbec.declaration', 'cbec.inspection', 'cbec.tax-permit', 'cbec.logistics', 'cbec.gateway.outbound']) {
      await page.waitForSelector(`#consumer-groups details[data-group="${group}"]`);
    }
    const inbound = (await page.textContent(`#topics tr[data-topic="${TOPICS.platformInbound}"]`))!;
    expect(inbound).toMatch(/p0: \d+–\d+/);
    // A second reading has the first to compare with: trends, then rates once there is traffic.
    await page.waitForFunction(() => document.querySelector('#consumer-groups details[data-group="cbec.order"]')?.getAttribute('data-trend') !== '', undefined, { timeout: UI_TIMEOUT_MS });
    for (let i = 0; i < 3; i++) await platform.placeOrder(anOrder().directMail().notSampledForReview(SAMPLING_RATE).build());
    await page.waitForFunction((topic) => Number(document.querySelector(`#topics tr[data-topic="${topic}"] td:nth-child(5)`)?.textContent) > 0, TOPICS.platformInbound, { timeout: UI_TIMEOUT_MS });
    await page.$eval('#consumer-groups details[data-group="cbec.order"]', (details) => ((details as HTMLDetailsElement).open = true));
    await page.waitForSelector('#consumer-groups details[data-group="cbec.order"][open] td');
    expect(await page.textContent('#consumer-groups details[data-group="cbec.order"]')).toContain(TOPICS.platformInbound);
    await shoot('topics');
  });

  it('fits a phone screen', async () => {
    await open('#/overview');
    await page.waitForSelector('#funnel li[data-label="COMPLETED"]');
    await shoot('overview-at-the-end');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.waitForSelector('#recent tr[data-order]');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shoot('overview-phone');
    await page.setViewportSize({ width: 1366, height: 900 });
  });
});
