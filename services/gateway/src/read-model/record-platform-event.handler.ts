// The platform's own events on cbec.platform.inbound (order-placed, proof-submitted, tax-paid,
// goods-received) join the order's timeline; an order-placed makes the order known at RECEIVED.
// One handler for every inbound type of the contract's list, handing the events to the
// projection a partition's run at a time: each order's events in their order, every order's
// record read and written together. Whether an event is valid is the owning service's business:
// it answers on its topic.
import { Injectable } from '@nestjs/common';
import { INBOUND_EVENT_TYPES } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { ClearanceProjector } from './clearance-projector.service';

@Injectable()
export class RecordPlatformEventHandler implements EventHandler {
  readonly eventType = INBOUND_EVENT_TYPES;

  constructor(private readonly projector: ClearanceProjector) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], { manager, log }: BatchContext): Promise<void> {
    await this.projector.applyAsTheyCame(manager, events);
    log.debug({ events: events.length }, 'platform events recorded in the timeline');
  }
}
