// The benchmark's platform, knowing only CONTRACT.md: it places orders on cbec.platform.inbound
// in batched sends, reads cbec.platform.outbound and answers as examples/platform.js does (sends
// proof when customs asks, pays assessed tax that is not withheld, signs for a delivery, picks up
// with the code), and notes when each order reached APPROVED and COMPLETED, or how it ended
// otherwise (REJECTED with its reason code; refusals of its requests are counted too).
const { randomUUID } = require('node:crypto');
const { Partitioners } = require('kafkajs');

const INBOUND = 'cbec.platform.inbound';
const OUTBOUND = 'cbec.platform.outbound';
const PLATFORM = {
  orderPlaced: 'cbec.platform.order-placed.v1',
  proofSubmitted: 'cbec.platform.proof-submitted.v1',
  taxPaid: 'cbec.platform.tax-paid.v1',
  goodsReceived: 'cbec.platform.goods-received.v1',
};
const CLEARANCE = {
  statusChanged: 'cbec.clearance.status-changed.v1',
  proofRequested: 'cbec.clearance.proof-requested.v1',
  taxAssessed: 'cbec.clearance.tax-assessed.v1',
  pickupReady: 'cbec.clearance.pickup-ready.v1',
  outForDelivery: 'cbec.clearance.out-for-delivery.v1',
  rejected: 'cbec.clearance.rejected.v1',
  requestRefused: 'cbec.clearance.request-refused.v1',
};
const HEADERS = { 'content-type': 'application/cloudevents+json; charset=utf-8' };

/** What happened to the orders of one phase (warm-up, saturation, sustained, burst). */
class PhaseTally {
  constructor(name) {
    this.name = name;
    this.orders = new Map(); // subject -> { model, sentAt, approvedAt?, completedAt?, rejected? }
    this.injected = 0;
    this.approved = 0;
    this.completed = 0;
    this.rejected = 0;
    this.rejectedBy = {};
    this.refused = 0;
    this.refusedBy = {};
    this.answers = { proof: 0, payment: 0, signature: 0, pickup: 0 };
    this.firstSentAt = undefined;
    this.lastSentAt = undefined;
    this.lastCompletedAt = undefined;
    this.lastEndedAt = undefined; // COMPLETED or REJECTED: with lastSentAt, how long the queue took to drain
  }

  get ended() {
    return this.completed + this.rejected;
  }

  get settled() {
    return this.injected > 0 && this.ended === this.injected;
  }
}

class PlatformActor {
  /**
   * `fromBeginning`: read the outbound topic from its start (the events of other platforms' and
   * earlier orders are passed over). Where brokers fail, a group whose first commit of a partition
   * failed starts that partition again where the reset says: from the end, it would skip events
   * of its orders sent in between; from the start, it skips none.
   */
  constructor(kafka, { platformId = 'bench-platform', partitionsConsumedConcurrently = 3, fromBeginning = false } = {}) {
    this.kafka = kafka;
    this.platformId = platformId;
    this.fromBeginning = fromBeginning;
    this.concurrency = partitionsConsumedConcurrently;
    this.byOrder = new Map(); // subject -> { phase, record }
    this.seen = new Set(); // outbound event ids already handled (redeliveries change nothing)
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    // A 6 s session (the broker's least), as the services have: after a broker or its coordinator
    // is lost, the platform's consumer rejoins, and the group waits out its old member that long.
    this.consumer = kafka.consumer({ groupId: `bench-platform-${randomUUID()}`, maxWaitTimeInMs: 50, allowAutoTopicCreation: false, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
  }

  /** Connects and resolves once the outbound consumer has joined its group (so nothing is missed). */
  async start() {
    const admin = this.kafka.admin();
    await admin.connect();
    this.inboundPartitions = (await admin.fetchTopicMetadata({ topics: [INBOUND] })).topics[0].partitions;
    await admin.disconnect();
    await this.producer.connect();
    await this.consumer.connect();
    const joined = new Promise((resolve) => this.consumer.on(this.consumer.events.GROUP_JOIN, resolve));
    await this.consumer.subscribe({ topics: [OUTBOUND], fromBeginning: this.fromBeginning });
    await this.consumer.run({ partitionsConsumedConcurrently: this.concurrency, eachBatch: (payload) => this.onBatch(payload) });
    await joined;
  }

  async stop() {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  /** Places the given orders in one send; they count for `tally`. */
  async place(tally, orders) {
    const sentAt = Date.now();
    tally.firstSentAt ??= sentAt;
    tally.lastSentAt = sentAt;
    const messages = orders.map((order) => {
      const subject = `${order.platformId}/${order.orderId}`;
      const record = { model: order.clearanceModel, sentAt };
      tally.orders.set(subject, record);
      this.byOrder.set(subject, { tally, record });
      return message(PLATFORM.orderPlaced, order, sentAt);
    });
    tally.injected += orders.length;
    await this.sendInbound(messages);
  }

  /**
   * Sends a batch's answers, again and again while the brokers cannot take them (heartbeating
   * meanwhile): each question is answered once (a redelivered one is recognised), so an answer
   * that failed to go must not be dropped.
   */
  async answer(answers, heartbeat, isRunning) {
    for (;;) {
      try {
        return await this.sendInbound(answers);
      } catch (error) {
        if (!isRunning()) throw error;
        await heartbeat().catch(() => undefined);
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }

  /**
   * One send per partition, all at once: kafkajs 2.2.4 can resolve a send to several brokers that
   * left a partition unwritten when its leader moved mid-send (libs/messaging/src/whole-send.ts);
   * a send to one partition goes to one broker, and is retried to its new leader.
   */
  async sendInbound(messages) {
    const partitioner = Partitioners.DefaultPartitioner();
    const byPartition = new Map();
    for (const message of messages) {
      const partition = partitioner({ topic: INBOUND, partitionMetadata: this.inboundPartitions, message });
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), { ...message, partition }]);
    }
    await Promise.all([...byPartition.values()].map((batch) => this.producer.send({ topic: INBOUND, messages: batch })));
  }

  /** Notes what each outbound event says, then sends the batch's answers in one send. */
  async onBatch({ batch, resolveOffset, heartbeat, isRunning }) {
    const now = Date.now();
    const answers = [];
    for (const kafkaMessage of batch.messages) {
      const event = parse(kafkaMessage.value);
      const mine = event && this.byOrder.get(event.subject);
      if (mine && !this.seen.has(event.id)) {
        this.seen.add(event.id);
        const answer = this.note(mine.tally, mine.record, event, now);
        if (answer) answers.push(answer);
      }
    }
    if (answers.length > 0) await this.answer(answers, heartbeat, isRunning);
    const last = batch.messages[batch.messages.length - 1];
    if (last) resolveOffset(last.offset);
    await heartbeat();
  }

  /** Records the event for its order and returns the platform's answer to it, if any. */
  note(tally, record, event, now) {
    const { data } = event;
    const ref = { platformId: data.platformId, orderId: data.orderId };
    switch (event.type) {
      case CLEARANCE.statusChanged:
        if (data.status === 'APPROVED' && record.approvedAt === undefined) {
          record.approvedAt = now;
          tally.approved++;
        } else if (data.status === 'COMPLETED' && record.completedAt === undefined && record.rejected === undefined) {
          record.completedAt = now;
          tally.completed++;
          tally.lastCompletedAt = now;
          tally.lastEndedAt = now;
        } else if (data.status === 'REJECTED' && record.rejected === undefined && record.completedAt === undefined) {
          record.rejected = data.reasonCode ?? 'UNKNOWN';
          tally.rejected++;
          tally.rejectedBy[record.rejected] = (tally.rejectedBy[record.rejected] ?? 0) + 1;
          tally.lastEndedAt = now;
        }
        return undefined;
      case CLEARANCE.requestRefused:
        tally.refused++;
        tally.refusedBy[data.reasonCode] = (tally.refusedBy[data.reasonCode] ?? 0) + 1;
        return undefined;
      // The answers carry fixed times, so a redelivered question gets the very same answer,
      // which the system ignores as a re-send (CONTRACT 2.2).
      case CLEARANCE.proofRequested:
        tally.answers.proof++;
        return message(PLATFORM.proofSubmitted, { ...ref, documents: data.requestedDocuments.map((kind) => ({ kind, fileName: `${kind.toLowerCase()}.pdf`, sha256: 'ab'.repeat(32) })) }, now);
      case CLEARANCE.taxAssessed:
        if (data.withheld) return undefined;
        tally.answers.payment++;
        return message(PLATFORM.taxPaid, { ...ref, assessmentId: data.assessmentId, amount: data.totals.total, paymentReference: `TAX-${data.orderId}`, paidAt: '2026-11-11T10:00:00+08:00' }, now);
      case CLEARANCE.outForDelivery:
        tally.answers.signature++;
        return message(PLATFORM.goodsReceived, { ...ref, receivedBy: 'Li Wei', receivedAt: '2026-11-12T10:00:00+08:00', method: 'SIGNATURE' }, now);
      case CLEARANCE.pickupReady:
        tally.answers.pickup++;
        return message(PLATFORM.goodsReceived, { ...ref, receivedBy: 'Li Wei', receivedAt: '2026-11-12T10:00:00+08:00', method: 'PICKUP', pickupCode: data.pickupCode }, now);
      default:
        return undefined;
    }
  }
}

function message(type, data, at) {
  const subject = `${data.platformId}/${data.orderId}`;
  const event = { specversion: '1.0', id: randomUUID(), source: `https://${data.platformId}.example/bench`, type, time: new Date(at).toISOString(), subject, datacontenttype: 'application/json', data };
  return { key: subject, value: JSON.stringify(event), headers: HEADERS };
}

function parse(value) {
  try {
    return JSON.parse(value.toString());
  } catch {
    return undefined;
  }
}

module.exports = { PlatformActor, PhaseTally };
