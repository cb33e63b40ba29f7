// Turns a service's outgoing events into CloudEvents and writes them to its outbox.
import type { EntityManager } from 'typeorm';
import { CloudEvent, createEvent, encodeEvent } from './cloud-event';
import type { OutgoingEvent } from './context';
import { OutboxMessage, writeToOutbox } from './outbox-writer';
import type { MessagingTables } from './tables';

export class Outbox {
  constructor(
    private readonly tables: MessagingTables,
    /** The CloudEvents `source` of everything this service publishes, e.g. `/services/order`. */
    private readonly source: string,
  ) {}

  /** Writes the events in the caller's transaction; the relay publishes them after commit. */
  async publish(manager: EntityManager, events: OutgoingEvent[], cause?: CloudEvent): Promise<CloudEvent[]> {
    const created = this.eventsOf(events, cause);
    await writeToOutbox(manager, this.tables, created.map(messageOf));
    return created.map(({ event }) => event);
  }

  /** The outbox messages of the events, for a caller that writes many handlers' events at once. */
  messagesOf(events: OutgoingEvent[], cause?: CloudEvent): OutboxMessage[] {
    return this.eventsOf(events, cause).map(messageOf);
  }

  private eventsOf(events: OutgoingEvent[], cause?: CloudEvent): { topic: string; event: CloudEvent }[] {
    return events.map((event) => {
      const causedBy = event.cause ?? cause;
      const subject = event.subject ?? causedBy?.subject;
      if (!subject) throw new Error(`event ${event.type} has no subject (and no cause to take one from)`);
      return { topic: event.topic, event: createEvent({ type: event.type, source: this.source, subject, data: event.data, cause: causedBy, step: event.step }) };
    });
  }
}

function messageOf({ topic, event }: { topic: string; event: CloudEvent }): OutboxMessage {
  return { topic, key: event.subject, ...encodeEvent(event) };
}
