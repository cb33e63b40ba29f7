// The import permit releases the goods of models II and III.
import { Injectable } from '@nestjs/common';
import { PermitIssuedData, TAX_PERMIT_EVENTS } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { HandOverService } from './hand-over.service';

@Injectable()
export class DispatchWhenPermitIssuedHandler implements EventHandler<PermitIssuedData> {
  readonly eventType = TAX_PERMIT_EVENTS.permitIssued;

  constructor(private readonly handOver: HandOverService) {}

  async handle(event: CloudEvent<PermitIssuedData>, context: HandlerContext): Promise<void> {
    await this.handOver.start(event, context, event.data.permitNumber);
  }
}
