// A cancellation that reached tax-permit (passed on by inspection after the approval): an order
// whose tax awaits payment is CANCELLED here, in the same transaction as a payment would be
// recorded, so exactly one of the two wins; its tax-due timer is cancelled and what it counted
// toward the consumer's annual total is given back at once. No tax was paid: no refund.
import { Injectable } from '@nestjs/common';
import { CancellationForwardedData, INSPECTION_EVENTS, OrderRef } from '@cbec/contracts';
import { AcceptedCancellation, CancellationHolder, decideForwardedCancellation, publishCancelled, Standing } from '@cbec/cancellation';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import type { EntityManager } from 'typeorm';
import { AnnualLedger } from '../annual-quota/annual-ledger';
import { TaxOrder } from '../persistence/tax-order.entity';
import { TAX_DUE_TIMER } from '../reject-unpaid/reject-when-tax-due.timer';
import { assessmentCustodyOf } from './assessment-custody.rule';

@Injectable()
export class CancelAssessmentWhenRequestedHandler implements EventHandler<CancellationForwardedData>, CancellationHolder {
  readonly eventType = INSPECTION_EVENTS.cancellationForwarded;
  readonly service = 'tax-permit';

  constructor(private readonly ledger: AnnualLedger) {}

  handle(event: CloudEvent<CancellationForwardedData>, context: HandlerContext): Promise<void> {
    return decideForwardedCancellation(this, event, context);
  }

  async standing(manager: EntityManager, ref: OrderRef): Promise<Standing> {
    const order = await manager.getRepository(TaxOrder).findOne({ where: { platformId: ref.platformId, orderId: ref.orderId }, lock: { mode: 'pessimistic_write' } });
    if (!order) throw new Error(`a cancellation reached tax-permit before order ${ref.platformId}/${ref.orderId} did`);
    return { custody: assessmentCustodyOf(order), acceptedHash: order.cancellationHash, clearanceModel: order.clearanceModel, step: order.step };
  }

  async cancel(accepted: AcceptedCancellation, context: HandlerContext): Promise<void> {
    const ref = { platformId: accepted.request.platformId, orderId: accepted.request.orderId };
    await context.timers.cancel(TAX_DUE_TIMER);
    const givenBack = await this.ledger.giveBack(context.manager, ref, context.publish);
    await context.manager.getRepository(TaxOrder).update(ref, { status: 'CANCELLED', step: accepted.standing.step + 1, cancellationHash: accepted.contentHash });
    publishCancelled(this, ref, accepted, undefined, context);
    context.log.info({ quotaGivenBack: givenBack ?? '0.00' }, 'assessment cancelled; quota given back');
  }
}
