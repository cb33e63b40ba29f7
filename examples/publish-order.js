// A platform's first step, with nothing but kafkajs: publish one order-placed event to
// cbec.platform.inbound and wait for the order service's answer on cbec.order.events.
//   node examples/publish-order.js [BONDED_ZONE|GENERAL_TRADE|DIRECT_MAIL]
const { randomUUID } = require('node:crypto');
const { Kafka, logLevel } = require('kafkajs');

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const model = process.argv[2] ?? 'BONDED_ZONE';

async function main() {
  const kafka = new Kafka({ clientId: 'example-platform', brokers, logLevel: logLevel.NOTHING });
  const orderId = `EX${Date.now()}`;
  const order = {
    platformId: 'tmall-global',
    orderId,
    clearanceModel: model,
    placedAt: new Date().toISOString(),
    currency: 'CNY',
    consumer: {
      name: 'Li Wei',
      idType: 'CN_RESIDENT_ID',
      idNumber: '11010519491231002X',
      phone: '+8613800000000',
      address: { province: 'Zhejiang', city: 'Hangzhou', district: 'Xihu', line1: '1 Wensan Rd', postalCode: '310000' },
    },
    payment: { provider: 'alipay', transactionId: `PAY-${orderId}`, payerName: 'Li Wei', payerIdNumber: '11010519491231002X', amount: '418.00', paidAt: new Date().toISOString() },
    logistics: { carrier: 'SF-INTL', waybillNumber: `SF${orderId}` },
    ...(model === 'BONDED_ZONE' ? { bondedZone: 'HANGZHOU' } : {}),
    items: [{ sku: 'JP-CREAM-50', name: 'Face cream 50 ml', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP', grossWeightKg: '0.12' }],
    freight: '20.00',
    insurance: '0.00',
  };
  const subject = `${order.platformId}/${orderId}`;

  const consumer = kafka.consumer({ groupId: `example-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics: ['cbec.order.events'], fromBeginning: false });
  const answer = new Promise((resolve) => {
    consumer.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value.toString());
        if (event.subject === subject) resolve(event);
      },
    });
  });
  await new Promise((resolve) => setTimeout(resolve, 3000)); // let the group join before publishing

  const producer = kafka.producer();
  await producer.connect();
  const event = { specversion: '1.0', id: randomUUID(), source: 'https://tmall-global.example/orders', type: 'cbec.platform.order-placed.v1', time: new Date().toISOString(), subject, datacontenttype: 'application/json', data: order };
  await producer.send({ topic: 'cbec.platform.inbound', messages: [{ key: subject, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json' } }] });
  console.log(`published ${event.type} for ${subject}`);

  const reply = await Promise.race([answer, new Promise((_, reject) => setTimeout(() => reject(new Error('no answer within 30 s')), 30_000))]);
  console.log(`answer: ${reply.type}`, JSON.stringify({ step: reply.step, clearanceModel: reply.data.clearanceModel, reasonCode: reply.data.reasonCode }));
  await producer.disconnect();
  await consumer.disconnect();
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
