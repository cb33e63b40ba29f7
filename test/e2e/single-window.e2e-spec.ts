// The Single Window in `folder` mode (CONTRACT 8), end to end: separate processes on real Kafka
// and PostgreSQL, and two real folders. The test plays customs' exchange client: it reads the
// messages the system writes to the out folder and writes receipts into the in folder.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OUTBOUND_EVENTS } from '@cbec/contracts';
import { anOrder, eventually, gatewayClient, RunningSystem, startSystem } from '@cbec/testing';
import { buildReceipt, Receipt, verifyMessage } from '@cbec/single-window';
import { Platform } from './platform';

const OPS_KEY = 'ops-key-123456';
const PLATFORM_KEY = 'tmall-key-123456';
type Ref = { platformId: string; orderId: string };

describe('the Single Window in folder mode, end to end', () => {
  let system: RunningSystem;
  let platform: Platform;
  let exchange: string;
  let outDir: string;
  let inDir: string;
  const call = gatewayClient(() => system.urls.gateway);

  beforeAll(async () => {
    exchange = await fs.mkdtemp(path.join(os.tmpdir(), 'cbec-single-window-'));
    outDir = path.join(exchange, 'out');
    inDir = path.join(exchange, 'in');
    system = await startSystem(undefined, {
      SINGLE_WINDOW_MODE: 'folder',
      SINGLE_WINDOW_OUT_DIR: outDir,
      SINGLE_WINDOW_IN_DIR: inDir,
      SINGLE_WINDOW_POLL_MS: '200',
      QUARANTINE_DURATION_MS: '0',
      INSPECTION_SAMPLING_RATE: '0',
      DISPATCH_DELAY_MS: '0',
      GATEWAY_API_KEYS: `ops:${OPS_KEY},tmall-global:${PLATFORM_KEY}`,
    }, 5200);
    platform = await Platform.start();
  }, 240_000);

  afterAll(async () => {
    await platform?.stop();
    await system?.stop();
  });

  /** The message of this type the system wrote for the order (the newest, or the n-th), once it is there. */
  async function sent(type: string, ref: Ref, nth?: number): Promise<{ name: string; xml: string; guid: string; copNo: string }> {
    return eventually(
      async () => {
        const names = (await fs.readdir(outDir)).filter((name) => name.startsWith(`${type}_`) && name.endsWith('.xml')).sort();
        const ofOrder = [];
        for (const name of names) {
          const xml = await fs.readFile(path.join(outDir, name), 'utf8');
          if (elementOf(xml, 'orderNo') === ref.orderId) ofOrder.push({ name, xml, guid: elementOf(xml, 'guid')!, copNo: name.split('_')[1] });
        }
        return nth === undefined ? ofOrder[ofOrder.length - 1] : ofOrder[nth];
      },
      { timeoutMs: 30_000, what: `${type} of ${ref.orderId} in the out folder` },
    );
  }

  async function receive(receipt: Receipt, name = `${receipt.messageType}_${randomUUID()}.xml`): Promise<string> {
    await fs.writeFile(path.join(inDir, `.${name}.part`), buildReceipt(receipt), 'utf8');
    await fs.rename(path.join(inDir, `.${name}.part`), path.join(inDir, name));
    return name;
  }

  /** Customs' clock (China time, yyyyMMddHHmmssSSS): now, and a millisecond later on each call. */
  let lastReturnTime = 0;
  const returnTime = () => {
    lastReturnTime = Math.max(Date.now(), lastReturnTime + 1);
    return new Date(lastReturnTime + 8 * 3_600_000).toISOString().replace(/[-:TZ.]/g, '').slice(0, 17);
  };
  const inventoryReturn = (copNo: string, returnStatus: string, extra: Partial<Receipt> = {}): Receipt =>
    ({ messageType: 'CEB622', guid: randomUUID().toUpperCase(), copNo, preNo: 'B20261204000000001', returnStatus, returnTime: returnTime(), returnInfo: `customs says ${returnStatus}`, ...extra }) as Receipt;
  const invtNoOf = (n: number) => `29012026I${String(n).padStart(9, '0')}`;

  /** Declared to customs and accepted: CEB311 and a signed CEB621 written, then receipts 2 and 120. */
  async function declaredAndAccepted(ref: Ref, n: number): Promise<{ copNo: string; invtNo: string }> {
    await sent('CEB311', ref);
    const list = await sent('CEB621', ref);
    expect(verifyMessage(list.xml)).toEqual({ valid: true });
    await receive(inventoryReturn(list.copNo, '2'));
    await receive(inventoryReturn(list.copNo, '120', { invtNo: invtNoOf(n) } as Partial<Receipt>));
    return { copNo: list.copNo, invtNo: invtNoOf(n) };
  }

  it('clears a direct-mail and a bonded-zone order by customs\' receipts, with customs\' invtNo as the declaration number', async () => {
    const direct = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).freight('20.00').build();
    const bonded = anOrder().bonded('HANGZHOU').withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00', recordNo: 'HZ-ITEM-0001' } as never).freight('20.00').build();
    await platform.placeOrder(direct);
    await platform.placeOrder(bonded);
    const [d, b] = [await declaredAndAccepted(direct, 1), await declaredAndAccepted(bonded, 2)];
    // The review waits for customs: no APPROVED before the release.
    await platform.waitForStatus(direct, 'UNDER_REVIEW');
    expect(platform.statusesOf(direct)).not.toContain('APPROVED');
    await receive(inventoryReturn(d.copNo, '800'));
    await receive(inventoryReturn(b.copNo, '800'));

    await platform.waitFor(direct, OUTBOUND_EVENTS.outForDelivery);
    await platform.sign(direct);
    const tax = await platform.waitFor(bonded, OUTBOUND_EVENTS.taxAssessed);
    await platform.pay(bonded, tax.data.assessmentId, tax.data.totals.total);
    const pickup = await platform.waitFor(bonded, OUTBOUND_EVENTS.pickupReady);
    await platform.pickUp(bonded, pickup.data.pickupCode);
    for (const [order, numbers] of [[direct, d], [bonded, b]] as const) {
      const completed = await platform.waitFor(order, OUTBOUND_EVENTS.completed);
      expect(completed.data.declarationNumber).toBe(numbers.invtNo);
      expect(platform.statusesOf(order)).toEqual(expect.arrayContaining(['UNDER_REVIEW', 'APPROVED', 'COMPLETED']));
      expect(platform.statusesOf(order).filter((status) => status === 'APPROVED')).toHaveLength(1);
    }

    const messages = await call('GET', `/v1/clearances/${direct.platformId}/${direct.orderId}/messages`, PLATFORM_KEY);
    expect(messages.status).toBe(200);
    expect(messages.body.map((m: { messageType: string; direction: string; returnStatus?: string }) => [m.messageType, m.direction, m.returnStatus ?? null])).toEqual([
      ['CEB311', 'OUT', null],
      ['CEB621', 'OUT', null],
      ['CEB622', 'IN', '2'],
      ['CEB622', 'IN', '120'],
      ['CEB622', 'IN', '800'],
    ]);
    const xml = await call('GET', `/v1/clearances/${direct.platformId}/${direct.orderId}/messages/${messages.body[1].guid}`, PLATFORM_KEY);
    expect(xml.contentType).toContain('application/xml');
    expect(verifyMessage(xml.text)).toEqual({ valid: true });
    expect((await fs.readdir(path.join(inDir, 'processed'))).length).toBeGreaterThanOrEqual(6);

    // The clearance view: customs' numbers, the last receipt, and each receipt in the timeline.
    const view = (await call('GET', `/v1/clearances/${bonded.platformId}/${bonded.orderId}`, PLATFORM_KEY)).body;
    expect(view).toMatchObject({ status: 'COMPLETED', declarationNumber: b.invtNo, customs: { preNo: 'B20261204000000001', invtNo: b.invtNo, lastReceipt: { messageType: 'CEB622', returnStatus: '800' } } });
    const receipts = view.timeline.filter((entry: { type: string }) => entry.type === 'customs-receipt');
    expect(receipts.map((entry: { customsCode: unknown; service: string }) => [String(entry.customsCode), entry.service])).toEqual([
      ['2', 'single-window'],
      ['120', 'single-window'],
      ['800', 'single-window'],
    ]);
  }, 180_000);

  it('rejects with CUSTOMS_RETURNED and customs\' text on a 100', async () => {
    const order = anOrder().bonded('HANGZHOU').withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '199.00' }).build();
    await platform.placeOrder(order);
    const list = await sent('CEB621', order);
    await receive(inventoryReturn(list.copNo, '100', { returnInfo: '表体第1项缺少账册备案料号' }));
    const rejected = await platform.waitFor(order, OUTBOUND_EVENTS.rejected);
    expect(rejected.data).toMatchObject({ reasonCode: 'CUSTOMS_RETURNED', details: [{ field: 'customs.returnInfo', message: '表体第1项缺少账册备案料号' }] });
  }, 90_000);

  it('holds an order on a 500 until an officer releases it; the same receipt twice changes nothing', async () => {
    const order = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '99.00' }).build();
    await platform.placeOrder(order);
    const { copNo } = await declaredAndAccepted(order, 3);
    const held = inventoryReturn(copNo, '500');
    await receive(held);
    await platform.waitForStatus(order, 'HELD_FOR_REVIEW');
    await receive(held);
    await platform.decide(order, 'RELEASE');
    await platform.waitForStatus(order, 'APPROVED');
    const release = inventoryReturn(copNo, '800');
    await receive(release);
    await receive(release);
    await platform.waitForStatus(order, 'OUT_FOR_DELIVERY');
    const events = await platform.settled(order);
    const statuses = events.filter((e) => e.type === OUTBOUND_EVENTS.statusChanged).map((e) => e.data.status);
    expect(statuses.filter((s) => s === 'HELD_FOR_REVIEW')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'APPROVED')).toHaveLength(1);
    const messages = await call('GET', `/v1/clearances/${order.platformId}/${order.orderId}/messages`, OPS_KEY);
    expect(messages.body.filter((m: { guid: string }) => m.guid === held.guid)).toHaveLength(1);
  }, 120_000);

  it('sets a garbage file aside in failed/ with its reason, lists it to ops, and goes on', async () => {
    await fs.writeFile(path.join(inDir, 'garbage.xml'), 'this is not XML <<<', 'utf8');
    await receive(inventoryReturn('CBEC2026999999999999', '120'), 'CEB622_unknown.xml');
    await eventually(async () => (await fs.readdir(path.join(inDir, 'failed'))).includes('CEB622_unknown.xml.txt'), { timeoutMs: 20_000, what: 'the files in failed/' });
    expect(await fs.readdir(path.join(inDir, 'failed'))).toEqual(expect.arrayContaining(['garbage.xml', 'garbage.xml.txt', 'CEB622_unknown.xml']));
    expect(await fs.readFile(path.join(inDir, 'failed', 'CEB622_unknown.xml.txt'), 'utf8')).toContain('CBEC2026999999999999');
    const listed = await call('GET', '/v1/ops/single-window/failed-receipts', OPS_KEY);
    expect(listed.body.map((f: { fileName: string }) => f.fileName)).toEqual(expect.arrayContaining(['garbage.xml', 'CEB622_unknown.xml']));
    // Nothing stopped: the next order is declared as before.
    const order = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '59.00' }).build();
    await platform.placeOrder(order);
    await sent('CEB621', order);
  }, 90_000);

  it('lists a message the exchange refused (CEB900) to ops; a re-send writes a new one with appType 2 and a new guid', async () => {
    const order = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '79.00' }).build();
    await platform.placeOrder(order);
    const list = await sent('CEB621', order);
    await receive({ messageType: 'CEB900', guid: randomUUID().toUpperCase(), returnStatus: '-1', returnInfo: 'signature check failed', returnTime: returnTime(), oriCopMsgId: list.name, oriMessageType: 'CEB621', oriGuid: list.guid } as Receipt);
    const refused = await eventually(async () => (await call('GET', '/v1/ops/single-window/refused', OPS_KEY)).body?.find((m: { guid: string }) => m.guid === list.guid), { timeoutMs: 20_000, what: 'the refusal listed' });
    expect(refused).toMatchObject({ orderId: order.orderId, messageType: 'CEB621', returnStatus: '-1', returnInfo: 'signature check failed' });
    expect(platform.statusesOf(order)).not.toContain('REJECTED');

    const resent = await call('POST', `/v1/ops/single-window/${order.platformId}/${order.orderId}/resend`, OPS_KEY, { messageType: 'CEB621' });
    expect(resent.status).toBe(202);
    expect(resent.body).toMatchObject({ messageType: 'CEB621', copNo: list.copNo, appType: '2' });
    const again = await sent('CEB621', order, 1);
    expect(again.guid).toBe(resent.body.guid);
    expect(again.guid).not.toBe(list.guid);
    expect(elementOf(again.xml, 'appType')).toBe('2');
    expect((await call('GET', '/v1/ops/single-window/refused', OPS_KEY)).body.find((m: { guid: string }) => m.guid === list.guid)).toBeUndefined();
    expect((await call('POST', `/v1/ops/single-window/${order.platformId}/${order.orderId}/resend`, OPS_KEY, { messageType: 'CEB999' })).status).toBe(400);
    expect((await call('POST', `/v1/ops/single-window/${order.platformId}/${order.orderId}/resend`, PLATFORM_KEY, { messageType: 'CEB621' })).status).toBe(403);
  }, 90_000);

  it('lists a CEB816 tax bill that differs from the assessment', async () => {
    const order = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).freight('20.00').build();
    await platform.placeOrder(order);
    const { copNo, invtNo } = await declaredAndAccepted(order, 4);
    await receive(inventoryReturn(copNo, '800'));
    await platform.waitFor(order, OUTBOUND_EVENTS.taxAssessed);
    await receive({ messageType: 'CEB816', guid: randomUUID().toUpperCase(), invtNo, taxNo: 'TAX-0004', customsTax: '0', valueAddedTax: '44.76', consumptionTax: '51.64', returnTime: returnTime(), status: '1' } as Receipt);
    const difference = await eventually(async () => (await call('GET', '/v1/ops/single-window/tax-bill-differences', OPS_KEY)).body?.find((d: { orderId: string }) => d.orderId === order.orderId), { timeoutMs: 20_000, what: 'the tax bill difference' });
    expect(difference).toMatchObject({ invtNo, taxNo: 'TAX-0004', bill: { valueAddedTax: '44.76' }, assessment: { duty: '0.00', valueAddedTax: '44.75', consumptionTax: '51.64' } });
  }, 90_000);

  it('writes a CEB623 for an order cancelled after its declaration, once customs gives its invtNo', async () => {
    const order = anOrder().bonded('HANGZHOU').withItem({ hsCode: '3304990099', quantity: 1, unitPrice: '199.00', recordNo: 'HZ-ITEM-0001' } as never).build();
    await platform.placeOrder(order);
    const list = await sent('CEB621', order);
    await platform.waitForStatus(order, 'UNDER_REVIEW');
    await platform.cancel(order, 'the consumer changed her mind');
    await platform.waitForStatus(order, 'CANCELLED');
    await receive(inventoryReturn(list.copNo, '120', { invtNo: invtNoOf(5) } as Partial<Receipt>));
    const cancellation = await sent('CEB623', order);
    expect(elementOf(cancellation.xml, 'invtNo')).toBe(invtNoOf(5));
    expect(elementOf(cancellation.xml, 'reason')).toBe('the consumer changed her mind');
    expect(verifyMessage(cancellation.xml)).toEqual({ valid: true });
  }, 90_000);

  it('writes a CEB625 for an accepted return of a declared order', async () => {
    const order = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '99.00' }).build();
    await platform.placeOrder(order);
    const { copNo, invtNo } = await declaredAndAccepted(order, 6);
    await receive(inventoryReturn(copNo, '800'));
    await platform.waitFor(order, OUTBOUND_EVENTS.outForDelivery);
    await platform.sign(order);
    await platform.waitForStatus(order, 'COMPLETED');
    await platform.requestReturn(order, 'RET-1', [{ sku: 'SKU-1', quantity: 1 }]);
    await platform.waitFor(order, OUTBOUND_EVENTS.returnAccepted);
    const refund = await sent('CEB625', order);
    expect(elementOf(refund.xml, 'invtNo')).toBe(invtNo);
    expect(elementOf(refund.xml, 'qty')).toBe('1');
    expect(verifyMessage(refund.xml)).toEqual({ valid: true });
  }, 120_000);

  it('clears an order end to end against the simulator (npm run single-window:simulate)', async () => {
    const simulator = spawn('npm', ['run', '--silent', 'single-window:simulate'], {
      cwd: path.resolve(__dirname, '..', '..'),
      env: { ...process.env, SINGLE_WINDOW_OUT_DIR: outDir, SINGLE_WINDOW_IN_DIR: inDir, SIMULATOR_DELAY_MS: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const lines: string[] = [];
    simulator.stdout.on('data', (chunk) => lines.push(String(chunk)));
    simulator.stderr.on('data', (chunk) => lines.push(String(chunk)));
    try {
      const order = anOrder().directMail().withItem({ hsCode: '3304990099', quantity: 2, unitPrice: '199.00' }).freight('20.00').build();
      await platform.placeOrder(order);
      await platform.waitFor(order, OUTBOUND_EVENTS.outForDelivery, () => true, 60_000);
      await platform.sign(order);
      const completed = await platform.waitFor(order, OUTBOUND_EVENTS.completed);
      expect(completed.data.declarationNumber).toMatch(/^\d{4}2026I\d{9}$/);
      const messages = await eventually(async () => {
        const body = (await call('GET', `/v1/clearances/${order.platformId}/${order.orderId}/messages`, OPS_KEY)).body;
        return body?.some((m: { messageType: string }) => m.messageType === 'CEB816') ? body : undefined;
      }, { timeoutMs: 30_000, what: 'the simulator\'s tax bill' });
      expect(messages.filter((m: { direction: string }) => m.direction === 'IN').map((m: { messageType: string; returnStatus: string }) => `${m.messageType}:${m.returnStatus}`)).toEqual(expect.arrayContaining(['CEB622:2', 'CEB622:120', 'CEB622:800']));
      const differences = (await call('GET', '/v1/ops/single-window/tax-bill-differences', OPS_KEY)).body;
      expect(differences.find((d: { orderId: string }) => d.orderId === order.orderId)).toBeUndefined();
    } catch (error) {
      throw new Error(`${(error as Error).message}\nsimulator said:\n${lines.join('').slice(-3000)}`);
    } finally {
      process.kill(-simulator.pid!, 'SIGTERM');
    }
  }, 180_000);

  it('crashed nothing', () => {
    expect(Object.values(system.alarms).flat()).toEqual([]);
  });
});

function elementOf(xml: string, name: string): string | undefined {
  return new RegExp(`<(?:\\w+:)?${name}>([^<]*)</`).exec(xml)?.[1];
}
