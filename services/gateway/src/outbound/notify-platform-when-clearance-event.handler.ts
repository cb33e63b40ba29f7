// One handler per status event, refusal and notice type of libs/contracts (STATUS_EVENTS, REFUSAL_EVENTS, NOTICE_EVENTS),
// made from the tables, all handing the event to the one translator: adding a status to the
// tables adds its handler here with no code.
import { Injectable, Type } from '@nestjs/common';
import { NOTICE_EVENTS, REFUSAL_EVENTS, STATUS_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { OutboundTranslator } from './outbound-translator.service';

@Injectable()
abstract class NotifyPlatformWhenClearanceEvent implements EventHandler {
  abstract readonly eventType: string;

  constructor(private readonly translator: OutboundTranslator) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.translator.translate(event, context);
  }
}

/** The handler class of one event type (the service kit instantiates handler classes). */
export function notifyPlatformWhen(eventType: string): Type<EventHandler> {
  const handler = class extends NotifyPlatformWhenClearanceEvent {
    readonly eventType = eventType;
  };
  Object.defineProperty(handler, 'name', { value: `NotifyPlatformWhen[${eventType}]` });
  return handler;
}

export const NOTIFY_PLATFORM_HANDLERS: Type<EventHandler>[] = [...Object.keys(STATUS_EVENTS), ...Object.keys(REFUSAL_EVENTS), ...Object.keys(NOTICE_EVENTS)].map(notifyPlatformWhen);
