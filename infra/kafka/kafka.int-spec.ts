// Starts the real local broker of infra/kafka on spare ports and checks start, reuse, port clash and stop.
import { AddressInfo, createServer, Server, Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';

// Plain CommonJS without type declarations; it runs before any TypeScript build.
const { startKafka, stopKafka, isKafkaUp } = require('./kafka.js');

const PORT = 29092;
const CONTROLLER_PORT = 29093;
// A fixed folder (not mkdtemp) so that a broker left behind by an aborted run is found and stopped.
const STATE_DIR = path.join(os.tmpdir(), `cbec-kafka-int-spec-${PORT}`);
const OPTS = {
  port: PORT,
  controllerPort: CONTROLLER_PORT,
  dataDir: path.join(STATE_DIR, 'data'),
  logFile: path.join(STATE_DIR, 'kafka.log'),
  fresh: true,
};

describe('infra/kafka local broker', () => {
  let broker: { brokers: string; pid: number; reused: boolean; logFile: string; stop: () => Promise<void> };

  beforeAll(async () => {
    await stopKafka(OPTS);
    broker = await startKafka(OPTS);
  });

  afterAll(async () => {
    await stopKafka(OPTS);
  });

  it('starts a fresh broker of its own', () => {
    expect(broker.brokers).toBe(`127.0.0.1:${PORT}`);
    expect(broker.reused).toBe(false);
    expect(broker.pid).toBeGreaterThan(0);
    expect(broker.logFile).toBe(OPTS.logFile);
  });

  it('creates a topic and round-trips a message', async () => {
    const kafka = new Kafka({ clientId: 'infra-kafka-spec', brokers: [broker.brokers], logLevel: logLevel.NOTHING });
    const topic = `spec-${Date.now()}`;
    const admin = kafka.admin();
    const producer = kafka.producer();
    const consumer = kafka.consumer({ groupId: `${topic}-group` });
    try {
      await admin.connect();
      expect(await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true })).toBe(true);

      await producer.connect();
      await producer.send({ topic, messages: [{ key: 'order-1', value: 'hello customs' }] });

      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      const received = new Promise<{ key: string; value: string }>((resolve) => {
        void consumer.run({
          eachMessage: async ({ message }) => resolve({ key: String(message.key), value: String(message.value) }),
        });
      });
      await expect(received).resolves.toEqual({ key: 'order-1', value: 'hello customs' });
    } finally {
      await Promise.all([consumer.disconnect(), producer.disconnect(), admin.disconnect()]);
    }
  });

  it('reuses the broker already answering on the port', async () => {
    const again = await startKafka(OPTS);
    expect(again.reused).toBe(true);
    expect(again.brokers).toBe(broker.brokers);
    expect(again.pid).toBe(broker.pid);
    await again.stop(); // a no-op for a reused broker
    expect(await isKafkaUp(broker.brokers, 3000)).toBe(true);
  });

  it('refuses a port held by something that is not Kafka', async () => {
    // Accepts connections and never answers, like a stray dev server.
    const squatter: Server = createServer();
    const accepted = new Set<Socket>();
    squatter.on('connection', (socket) => accepted.add(socket));
    await new Promise<void>((resolve) => squatter.listen(0, '127.0.0.1', resolve));
    const port = (squatter.address() as AddressInfo).port;
    try {
      await expect(startKafka({ port, dataDir: path.join(STATE_DIR, 'unused') })).rejects.toThrow(
        `port ${port} is taken by a process that is not Kafka`,
      );
    } finally {
      // close() waits for open connections, and these never read the client's FIN: destroy them.
      for (const socket of accepted) socket.destroy();
      await new Promise((resolve) => squatter.close(resolve));
    }
  });

  it('stops the broker, after which the port no longer answers', async () => {
    await broker.stop();
    expect(await isKafkaUp(broker.brokers, 2000)).toBe(false);
    expect(await stopKafka(OPTS)).toBe(false); // idempotent: nothing left to stop
  });
});
