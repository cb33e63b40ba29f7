// The platform's own events on cbec.platform.inbound (order-placed, proof-submitted, tax-paid,
// goods-received) join the order's timeline; an order-placed makes the order known at RECEIVED.
// One handler for every inbound type of the contract's list, handing the events to the
// projection a partition's run at a time: each order's events in their order, every order's
// record read and written together. Whether an event is valid is the owning service's business:
// it answers on its topic.
import { Injectable } from '@nestjs/common';
import { INBOUND_EVENT_TYPES, orderKey, OrderRef } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { ClearanceProjector } from './clearance-projector.service';

@Injectable()
export class RecordPlatformEventHandler implements EventHandler {
  readonly eventType = INBOUND_EVENT_TYPES;

  constructor(private readonly projector: ClearanceProjector) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], { manager, log }: BatchContext): Promise<void> {
    const byOrder = new Map<string, { ref: OrderRef; events: CloudEvent[] }>();
    for (const event of events) {
      const ref = orderRefOf(event)!;
      const key = orderKey(ref.platformId, ref.orderId);
      if (!byOrder.has(key)) byOrder.set(key, { ref, events: [] });
      byOrder.get(key)!.events.push(event);
    }
    await this.projector.applyAll(manager, [...byOrder.values()]);
    log.debug({ events: events.length }, 'platform events recorded in the timeline');
  }
}

export const RECORD_PLATFORM_EVENT_HANDLERS = [RecordPlatformEventHandler];
