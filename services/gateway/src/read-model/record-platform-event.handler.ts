// The platform's own events on cbec.platform.inbound (order-placed, proof-submitted, tax-paid,
// goods-received) join the order's timeline; an order-placed makes the order known at RECEIVED.
// One handler per inbound type, made from the contract's list, all handing the event to the
// projection. Whether the event is valid is the owning service's business: it answers on its topic.
import { Injectable, Type } from '@nestjs/common';
import { INBOUND_EVENT_TYPES } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { ClearanceProjector } from './clearance-projector.service';

@Injectable()
abstract class RecordPlatformEvent implements EventHandler {
  abstract readonly eventType: string;

  constructor(private readonly projector: ClearanceProjector) {}

  async handle(event: CloudEvent, { manager, log }: HandlerContext): Promise<void> {
    await this.projector.apply(manager, orderRefOf(event)!, [event]);
    log.debug('platform event recorded in the timeline');
  }
}

function recordPlatformEvent(eventType: string): Type<EventHandler> {
  const handler = class extends RecordPlatformEvent {
    readonly eventType = eventType;
  };
  Object.defineProperty(handler, 'name', { value: `RecordPlatformEvent[${eventType}]` });
  return handler;
}

export const RECORD_PLATFORM_EVENT_HANDLERS: Type<EventHandler>[] = INBOUND_EVENT_TYPES.map(recordPlatformEvent);
