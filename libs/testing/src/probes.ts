// Asynchronous assertions poll with a deadline; they never sleep a fixed time.
import { randomUUID } from 'node:crypto';
import { Consumer, IHeaders, Kafka, logLevel, Producer } from 'kafkajs';

export async function eventually<T>(probe: () => Promise<T | undefined | false> | T | undefined | false, options: { timeoutMs?: number; intervalMs?: number; what?: string } = {}): Promise<T> {
  const { timeoutMs = 20_000, intervalMs = 100, what = 'condition' } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await probe();
      if (result !== undefined && result !== false) return result as T;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${(lastError as Error).message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface ReceivedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
  /** The value parsed as JSON, when it is JSON. */
  json?: any;
}

function headersToStrings(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(Array.isArray(value) ? value[0] : value)]));
}

export function testKafka(brokers = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092'): Kafka {
  return new Kafka({ clientId: `test-${randomUUID().slice(0, 8)}`, brokers: brokers.split(','), logLevel: logLevel.NOTHING });
}

/** Records everything that arrives on some topics (from their beginning) for a test to wait on. */
export class TopicProbe {
  readonly messages: ReceivedMessage[] = [];
  private consumer?: Consumer;

  private constructor(private readonly kafka: Kafka) {}

  static async start(topics: string[], kafka = testKafka()): Promise<TopicProbe> {
    const probe = new TopicProbe(kafka);
    // A 6 s session, the broker's least: a probe that rejoins after a lost broker waits no longer for its old member.
    probe.consumer = kafka.consumer({ groupId: `probe-${randomUUID()}`, allowAutoTopicCreation: false, maxWaitTimeInMs: 100, sessionTimeout: 6_000, heartbeatInterval: 1_000 });
    await probe.consumer.connect();
    await probe.consumer.subscribe({ topics, fromBeginning: true });
    await probe.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const value = message.value?.toString('utf8') ?? null;
        let json: unknown;
        try {
          json = value === null ? undefined : JSON.parse(value);
        } catch {
          json = undefined;
        }
        probe.messages.push({ topic, partition, offset: message.offset, key: message.key?.toString('utf8') ?? null, value, headers: headersToStrings(message.headers), json });
      },
    });
    return probe;
  }

  /** Waits until `count` messages match, and returns them. */
  async waitFor(match: (message: ReceivedMessage) => boolean, options: { count?: number; timeoutMs?: number; what?: string } = {}): Promise<ReceivedMessage[]> {
    const count = options.count ?? 1;
    return eventually(
      () => {
        const found = this.messages.filter(match);
        return found.length >= count ? found : undefined;
      },
      { timeoutMs: options.timeoutMs ?? 30_000, what: options.what ?? `${count} matching message(s)` },
    );
  }

  /** Events (structured CloudEvents) whose subject is the given order key, in arrival order. */
  eventsOf(subject: string): any[] {
    return this.messages.filter((m) => m.json?.subject === subject).map((m) => m.json);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}

export class TestPublisher {
  private producer?: Producer;

  private constructor(private readonly kafka: Kafka) {}

  static async start(kafka = testKafka()): Promise<TestPublisher> {
    const publisher = new TestPublisher(kafka);
    publisher.producer = kafka.producer({ allowAutoTopicCreation: false });
    await publisher.producer.connect();
    return publisher;
  }

  async send(topic: string, message: { key?: string | null; value: string | Buffer | null; headers?: IHeaders }): Promise<void> {
    await this.producer!.send({ topic, acks: -1, messages: [{ key: message.key ?? null, value: message.value, headers: message.headers }] });
  }

  /** A CloudEvent in structured mode, as the system itself publishes. */
  async sendStructured(topic: string, event: { subject: string } & Record<string, unknown>): Promise<void> {
    await this.send(topic, { key: event.subject, value: JSON.stringify(event), headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' } });
  }

  /**
   * CloudEvents in structured mode in one produce request: each partition's share lands as one
   * record batch, so a running consumer fetches it as one run (batched handling's cases).
   */
  async sendAllStructured(topic: string, events: readonly { subject?: string }[]): Promise<void> {
    const headers = { 'content-type': 'application/cloudevents+json; charset=utf-8' };
    await this.producer!.send({ topic, acks: -1, messages: events.map((event) => ({ key: event.subject ?? null, value: JSON.stringify(event), headers })) });
  }

  /** A CloudEvent in binary mode (ce_* headers, the data as the value), as CloudEvents SDKs do. */
  async sendBinary(topic: string, event: { subject: string; data: unknown } & Record<string, unknown>): Promise<void> {
    const headers: IHeaders = { 'content-type': 'application/json' };
    for (const [name, value] of Object.entries(event)) {
      if (name !== 'data' && name !== 'datacontenttype' && value !== undefined) headers[`ce_${name}`] = String(value);
    }
    await this.send(topic, { key: event.subject, value: JSON.stringify(event.data), headers });
  }

  async stop(): Promise<void> {
    await this.producer?.disconnect();
  }
}
