// Tax paid releases the goods of a model without an import permit (model I); a model that gets
// a permit waits for it (dispatch-when-permit-issued).
import { Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, TAX_PERMIT_EVENTS, TaxSettledData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { HandOverService } from './hand-over.service';

@Injectable()
export class DispatchWhenTaxPaidHandler implements EventHandler<TaxSettledData> {
  readonly eventType = TAX_PERMIT_EVENTS.taxPaid;

  constructor(private readonly handOver: HandOverService) {}

  async handle(event: CloudEvent<TaxSettledData>, context: HandlerContext): Promise<void> {
    if (CLEARANCE_MODEL_RULES[event.data.clearanceModel].issuesPermit) return context.log.debug('tax paid; the goods wait for the import permit');
    await this.handOver.start(event, context);
  }
}
