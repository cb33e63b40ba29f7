// A platform written from CONTRACT.md alone, with nothing but kafkajs: it places one order of
// each clearance model on cbec.platform.inbound and answers what the system tells it on
// cbec.platform.outbound (pays assessed tax, sends proof when asked, signs or picks up), until
// every order is COMPLETED. Then the after-sale of CONTRACT 7: the direct-mail order's goods are
// returned (refunded, the quota given back), and a fourth order is cancelled while its tax awaits
// payment.      node examples/platform.js      (KAFKA_BROKERS, default 127.0.0.1:9092)
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

/** Cancelled instead of paid, once its tax is assessed. */
const toCancel = newOrder('BONDED_ZONE', [{ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP' }], { bondedZone: 'HANGZHOU' });
const keyOf = (order) => `${order.platformId}/${order.orderId}`;

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
  if (event.subject === keyOf(toCancel) && event.type === 'cbec.clearance.tax-assessed.v1') {
    return publish('cbec.platform.cancel-requested.v1', { ...ref, reason: 'the consumer changed their mind', requestedAt: new Date().toISOString() });
  }
  switch (event.type) {
    case 'cbec.clearance.completed.v1': {
      // The direct-mail order's goods come back, every unit (retail goods may be returned within 30 days).
      if (event.subject !== keyOf(orders[0])) return undefined;
      const items = orders[0].items.map(({ sku, quantity }) => ({ sku, quantity }));
      return publish('cbec.platform.return-requested.v1', { ...ref, returnId: 'RET-1', items, reason: 'does not suit', requestedAt: new Date().toISOString() });
    }
    case 'cbec.clearance.return-accepted.v1':
      // The returns warehouse receives the goods at data.returnTo.
      return publish('cbec.platform.return-received.v1', { ...ref, returnId: data.returnId, receivedAt: new Date().toISOString() });
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
  const mine = new Map(orders.map((o) => [keyOf(o), o]));
  const finished = new Map();
  const afterSale = {};
  const allFinished = () => finished.size === mine.size && afterSale.returned && afterSale.cancelled;
  const consumer = kafka.consumer({ groupId: `${platformId}-example-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: ['cbec.platform.outbound'], fromBeginning: false });
  let allDone;
  const done = new Promise((resolve) => (allDone = resolve));
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value.toString());
      if (!mine.has(event.subject) && event.subject !== keyOf(toCancel)) return;
      const status = event.type === 'cbec.clearance.status-changed.v1' ? ` -> ${event.data.status}` : '';
      console.log(`${event.subject} #${event.data.sequence} ${event.type.replace('cbec.clearance.', '')}${status}`);
      if (mine.has(event.subject) && (event.type === 'cbec.clearance.completed.v1' || event.type === 'cbec.clearance.rejected.v1')) finished.set(event.subject, event);
      if (event.type === 'cbec.clearance.return-completed.v1') afterSale.returned = event;
      if (event.type === 'cbec.clearance.cancelled.v1') afterSale.cancelled = event;
      if (event.type === 'cbec.clearance.request-refused.v1' && event.subject === keyOf(toCancel)) afterSale.cancelled = event;
      await answer(event);
      if (allFinished()) allDone();
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 3000)); // the consumer group settles before we publish
  await producer.connect();
  for (const order of [...orders, toCancel]) await publish('cbec.platform.order-placed.v1', order);
  const timeout = setTimeout(() => allDone(), Number(process.env.PLATFORM_TIMEOUT_MS ?? 120_000));
  await done;
  clearTimeout(timeout);
  await consumer.disconnect();
  await producer.disconnect();
  const completed = [...finished.values()].filter((e) => e.type === 'cbec.clearance.completed.v1');
  console.log(`${completed.length} of ${orders.length} orders COMPLETED`);
  const { returned, cancelled } = afterSale;
  if (returned) console.log(`returned ${returned.subject}: ${returned.data.status}, refund ${returned.data.refund.total}, quota given back ${returned.data.quotaGivenBack}`);
  if (cancelled) console.log(`cancelled ${cancelled.subject}: ${cancelled.data.status}${cancelled.data.reasonCode ? ` (${cancelled.data.reasonCode})` : ''}`);
  const afterSaleDone = returned?.data.status === 'RETURNED' && cancelled?.type === 'cbec.clearance.cancelled.v1';
  console.log(afterSaleDone ? 'after-sale: 1 return and 1 cancellation done' : 'after-sale: not done');
  process.exit(completed.length === orders.length && afterSaleDone ? 0 : 1);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
