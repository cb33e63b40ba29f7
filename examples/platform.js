// A platform written from CONTRACT.md alone, with nothing but kafkajs: it places one order of
// each clearance model on cbec.platform.inbound and answers what the system tells it on
// cbec.platform.outbound (pays assessed tax, sends proof when asked, signs or picks up), until
// every order is COMPLETED.      node examples/platform.js      (KAFKA_BROKERS, default 127.0.0.1:9092)
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel } = require('kafkajs');

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const platformId = process.env.PLATFORM_ID ?? 'tmall-global';
const kafka = new Kafka({ clientId: `${platformId}-example`, brokers, logLevel: logLevel.NOTHING });
const producer = kafka.producer();

const CONSUMER = { name: 'Li Wei', idType: 'CN_RESIDENT_ID', idNumber: '11010519491231002X', phone: '+8613800000000', address: { province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', line1: '1 Wensan Rd', postalCode: '310000' } };

function newOrder(clearanceModel, items, extra = {}) {
  const orderId = `${clearanceModel.replace('_', '')}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  const goods = items.reduce((sum, item) => sum + Math.round(Number(item.unitPrice) * 100) * item.quantity, 0);
  const freight = 2000;
  return {
    platformId,
    orderId,
    clearanceModel,
    placedAt: new Date().toISOString(),
    currency: 'CNY',
    consumer: CONSUMER,
    payment: { provider: 'alipay', transactionId: `PAY-${orderId}`, payerName: CONSUMER.name, payerIdNumber: CONSUMER.idNumber, amount: ((goods + freight) / 100).toFixed(2), paidAt: new Date().toISOString() },
    logistics: { carrier: 'SF-INTL', ...(clearanceModel === 'DIRECT_MAIL' ? {} : { waybillNumber: `SF${Date.now()}${Math.floor(Math.random() * 1000)}` }) },
    items,
    freight: (freight / 100).toFixed(2),
    insurance: '0.00',
    ...extra,
  };
}

const orders = [
  newOrder('DIRECT_MAIL', [{ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP' }]),
  newOrder('GENERAL_TRADE', [{ sku: 'FR-WINE-750', name: 'Bordeaux 750 ml', hsCode: '2204210000', quantity: 2, unitPrice: '150.00', originCountry: 'FR' }]),
  // Priced below half the reference price of cosmetics: customs will ask for proof.
  newOrder('BONDED_ZONE', [{ sku: 'KR-SERUM-30', name: 'Serum 30 ml', hsCode: '3304990099', quantity: 1, unitPrice: '120.00', originCountry: 'KR' }], { bondedZone: 'HANGZHOU' }),
];

async function publish(type, data) {
  const subject = `${data.platformId}/${data.orderId}`;
  const event = { specversion: '1.0', id: randomUUID(), source: `https://${platformId}.example`, type, time: new Date().toISOString(), subject, datacontenttype: 'application/json', data };
  await producer.send({ topic: 'cbec.platform.inbound', messages: [{ key: subject, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' } }] });
}

/** What the platform does when it is told something about one of its orders. */
async function answer(event) {
  const { data } = event;
  const ref = { platformId: data.platformId, orderId: data.orderId };
  switch (event.type) {
    case 'cbec.clearance.proof-requested.v1':
      return publish('cbec.platform.proof-submitted.v1', { ...ref, documents: data.requestedDocuments.map((kind) => ({ kind, fileName: `${kind.toLowerCase()}.pdf`, sha256: 'ab'.repeat(32) })) });
    case 'cbec.clearance.tax-assessed.v1':
      if (data.withheld) return undefined;
      return publish('cbec.platform.tax-paid.v1', { ...ref, assessmentId: data.assessmentId, amount: data.totals.total, paymentReference: `TAX-${data.orderId}`, paidAt: new Date().toISOString() });
    case 'cbec.clearance.out-for-delivery.v1':
      return publish('cbec.platform.goods-received.v1', { ...ref, receivedBy: CONSUMER.name, receivedAt: new Date().toISOString(), method: 'SIGNATURE' });
    case 'cbec.clearance.pickup-ready.v1':
      return publish('cbec.platform.goods-received.v1', { ...ref, receivedBy: CONSUMER.name, receivedAt: new Date().toISOString(), method: 'PICKUP', pickupCode: data.pickupCode });
    default:
      return undefined;
  }
}

async function main() {
  const mine = new Map(orders.map((o) => [`${o.platformId}/${o.orderId}`, o]));
  const finished = new Map();
  const consumer = kafka.consumer({ groupId: `${platformId}-example-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: ['cbec.platform.outbound'], fromBeginning: false });
  let allDone;
  const done = new Promise((resolve) => (allDone = resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString());
      if (!mine.has(event.subject)) return;
      const status = event.type === 'cbec.clearance.status-changed.v1' ? ` -> ${event.data.status}` : '';
      console.log(`${event.subject} #${event.data.sequence} ${event.type.replace('cbec.clearance.', '')}${status}`);
      if (event.type === 'cbec.clearance.completed.v1' || event.type === 'cbec.clearance.rejected.v1') finished.set(event.subject, event);
      if (finished.size === mine.size) allDone();
      await answer(event);
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 3000)); // the consumer group settles before we publish
  await producer.connect();
  for (const order of orders) await publish('cbec.platform.order-placed.v1', order);
  const timeout = setTimeout(() => allDone(), Number(process.env.PLATFORM_TIMEOUT_MS ?? 120_000));
  await done;
  clearTimeout(timeout);
  await consumer.disconnect();
  await producer.disconnect();
  const completed = [...finished.values()].filter((e) => e.type === 'cbec.clearance.completed.v1');
  console.log(`${completed.length} of ${orders.length} orders COMPLETED`);
  process.exit(completed.length === orders.length ? 0 : 1);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
