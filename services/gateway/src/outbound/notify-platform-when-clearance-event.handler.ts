// One handler for every status event, refusal and notice type of libs/contracts (STATUS_EVENTS,
// REFUSAL_EVENTS, NOTICE_EVENTS), handing them to the one translator, a partition's run at a time: adding a
// status to the tables adds it here with no code.
import { Injectable } from '@nestjs/common';
import { NOTICE_EVENTS, REFUSAL_EVENTS, STATUS_EVENTS } from '@cbec/contracts';
import { BatchContext, CloudEvent, EventHandler } from '@cbec/messaging';
import { OutboundTranslator } from './outbound-translator.service';

@Injectable()
export class NotifyPlatformWhenClearanceEvent implements EventHandler {
  readonly eventType = [...Object.keys(STATUS_EVENTS), ...Object.keys(REFUSAL_EVENTS), ...Object.keys(NOTICE_EVENTS)];

  constructor(private readonly translator: OutboundTranslator) {}

  handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    return this.translator.translate(events, context);
  }
}
