// The gateway's one long-lived Kafka admin client for the ops views (consumer lag, topics and
// consumer groups), made from the Messaging's Kafka and connected on first use, never a client
// per request. A broker that does not answer makes `admin()` undefined, and the next call tries again.
import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { Admin } from 'kafkajs';
import { Messaging } from '@cbec/messaging';

@Injectable()
export class ClusterAdmin implements OnApplicationShutdown {
  private readonly client: Admin;
  private connected?: Promise<void>;

  constructor(messaging: Messaging) {
    this.client = messaging.kafka.admin();
  }

  /** The connected client, or undefined while the broker does not answer. */
  async admin(): Promise<Admin | undefined> {
    this.connected ??= this.client.connect().catch((error) => {
      this.connected = undefined;
      throw error;
    });
    return this.connected.then(
      () => this.client,
      () => undefined,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.connected) await this.client.disconnect().catch(() => undefined);
  }
}
