// The order service as its own process, driven only through Kafka as a platform would drive it.
import { ORDER_EVENTS, TOPICS } from '@cbec/contracts';
import { anOrder, orderPlacedEvent, RunningSystem, startSystem, TestPublisher, TopicProbe } from '@cbec/testing';

describe('order service as a separate process', () => {
  let system: RunningSystem;
  let publisher: TestPublisher;
  let orderEvents: TopicProbe;

  beforeAll(async () => {
    system = await startSystem(['order']);
    publisher = await TestPublisher.start();
    orderEvents = await TopicProbe.start([TOPICS.orderEvents]);
  });

  afterAll(async () => {
    await orderEvents?.stop();
    await publisher?.stop();
    await system?.stop();
  });

  it('confirms an order published by a plain kafkajs client, and answers its health and metrics endpoints', async () => {
    const order = anOrder().bonded().withItem({ quantity: 2, unitPrice: '199.00' }).freight('20.00').build();
    await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(order));
    const [confirmed] = await orderEvents.waitFor((m) => m.json?.subject === `${order.platformId}/${order.orderId}`);
    expect(confirmed.json.type).toBe(ORDER_EVENTS.orderConfirmed);

    const health = await fetch(`${system.urls.order}/health/ready`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: 'up', kafka: 'up' });
    const metrics = await (await fetch(`${system.urls.order}/metrics`)).text();
    expect(metrics).toMatch(/cbec_messages_consumed_total\{group="cbec.order",topic="cbec.platform.inbound",type="cbec.platform.order-placed.v1"\} [1-9]/);
  });

  it('keeps nothing half-done across a restart: an order published while the service is down is confirmed after it comes back', async () => {
    await system.stop('order');
    const order = anOrder().build();
    await publisher.sendStructured(TOPICS.platformInbound, orderPlacedEvent(order));
    await system.restart('order');
    const [confirmed] = await orderEvents.waitFor((m) => m.json?.subject === `${order.platformId}/${order.orderId}`);
    expect(confirmed.json.type).toBe(ORDER_EVENTS.orderConfirmed);
  });
});
