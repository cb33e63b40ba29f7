// Customs' receipts about an order (receipt-recorded, published by the Single Window service on
// its topic) join the order's timeline and make the view's customs part (customs.rule.ts). They
// change no status, so they go to the projection as they come, a partition's run at a time, not
// through the outbound translator's step order: the platform is told nothing of them.
import { Injectable } from '@nestjs/common';
import { SINGLE_WINDOW_EVENTS } from '@cbec/contracts';
import { BatchContext, batchOf, CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { ClearanceProjector } from './clearance-projector.service';

@Injectable()
export class RecordCustomsReceiptHandler implements EventHandler {
  readonly eventType = SINGLE_WINDOW_EVENTS.receiptRecorded;

  constructor(private readonly projector: ClearanceProjector) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], { manager, log }: BatchContext): Promise<void> {
    await this.projector.applyAsTheyCame(manager, events);
    log.debug({ events: events.length }, 'customs receipts recorded in the timeline');
  }
}
