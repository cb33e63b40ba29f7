// Load on the REST gateway (not a test): requests/s and latency of GET /v1/clearances/{p}/{o}
// and POST /v1/orders, beside a bare NestJS "hello" route in the same process run, with
// autocannon. Run it against a system started by `npm start`:
//   npm run bench:gateway -- [--duration 10] [--connections 10]
const autocannon = require('autocannon');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');

const args = Object.fromEntries(process.argv.slice(2).join(' ').split('--').filter(Boolean).map((a) => a.trim().split(/\s+/)));
const DURATION = Number(args.duration ?? 10);
const CONNECTIONS = Number(args.connections ?? 10);
const GATEWAY = process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000';
const KEY = process.env.PLATFORM_KEY ?? 'tmall-dev-key';
const say = (line) => process.stdout.write(`[bench] ${line}\n`);

/** The floor: a NestJS application with one route and nothing else. */
async function startHello() {
  class HelloController {
    hello() {
      return { hello: 'world' };
    }
  }
  Get('hello')(HelloController.prototype, 'hello', Object.getOwnPropertyDescriptor(HelloController.prototype, 'hello'));
  Controller()(HelloController);
  class HelloModule {}
  Module({ controllers: [HelloController] })(HelloModule);
  const app = await NestFactory.create(HelloModule, { logger: false });
  await app.listen(0, '127.0.0.1');
  return { app, url: `http://127.0.0.1:${app.getHttpServer().address().port}/hello` };
}

function order(orderId) {
  const idNumber = '11010519491231002X';
  return {
    platformId: 'tmall-global',
    orderId,
    clearanceModel: 'DIRECT_MAIL',
    placedAt: '2026-11-11T00:00:01+08:00',
    currency: 'CNY',
    consumer: { name: 'Li Wei', idType: 'CN_RESIDENT_ID', idNumber, phone: '+8613800000000', address: { province: 'Zhejiang', city: 'Hangzhou', line1: '1 Wensan Rd' } },
    payment: { provider: 'alipay', transactionId: `PAY-${orderId}`, payerName: 'Li Wei', payerIdNumber: idNumber, amount: '418.00', paidAt: '2026-11-11T00:00:05+08:00' },
    logistics: { carrier: 'SF-INTL' },
    items: [{ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP' }],
    freight: '20.00',
  };
}

function load(title, options) {
  return new Promise((resolve, reject) => {
    autocannon({ duration: DURATION, connections: CONNECTIONS, ...options }, (error, result) => {
      if (error) return reject(error);
      const non2xx = result.non2xx + result.errors;
      resolve({ title, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx, total: result.requests.total });
    });
  });
}

async function main() {
  const auth = { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' };
  const probe = await fetch(`${GATEWAY}/health`).catch(() => undefined);
  if (!probe || probe.status !== 200) throw new Error(`no gateway answers at ${GATEWAY}/health: start the system with "npm start" first`);
  const seedId = `BENCH-GET-${Date.now()}`;
  const seeded = await fetch(`${GATEWAY}/v1/orders`, { method: 'POST', headers: auth, body: JSON.stringify(order(seedId)) });
  if (seeded.status !== 202) throw new Error(`could not place the order to read: ${seeded.status} ${await seeded.text()}`);
  const hello = await startHello();
  const results = [];
  try {
    say(`${DURATION}s each, ${CONNECTIONS} connections`);
    results.push(await load('NestJS hello (floor)', { url: hello.url }));
    results.push(await load('GET /v1/clearances/{p}/{o}', { url: `${GATEWAY}/v1/clearances/tmall-global/${seedId}`, headers: auth }));
    let n = 0;
    const run = Date.now();
    results.push(
      await load('POST /v1/orders', {
        url: `${GATEWAY}/v1/orders`,
        method: 'POST',
        headers: auth,
        requests: [{ setupRequest: (request) => ({ ...request, body: JSON.stringify(order(`BENCH-${run}-${n++}`)) }) }],
      }),
    );
  } finally {
    await hello.app.close();
  }
  say(`${'route'.padEnd(30)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)}`);
  for (const r of results) say(`${r.title.padEnd(30)} ${r.rps.toFixed(0).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${String(r.non2xx).padStart(8)}`);
}

main().catch((error) => {
  process.stderr.write(`[bench] failed: ${error.message}\n`);
  process.exit(1);
});
