// Goods never picked up reject the order after its assessment (PICKUP_EXPIRED, by logistics):
// what the order counted toward the consumer's annual total is given back, once (and announced).
import { Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, RejectionData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { TaxOrder } from '../persistence/tax-order.entity';
import { AnnualLedger } from './annual-ledger';

@Injectable()
export class GiveBackQuotaWhenPickupExpiredHandler implements EventHandler<RejectionData> {
  readonly eventType = LOGISTICS_EVENTS.pickupExpired;

  constructor(private readonly ledger: AnnualLedger) {}

  async handle(event: CloudEvent<RejectionData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const orders = manager.getRepository(TaxOrder);
    const order = await orders.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    if (!order) return log.warn('pickup expired for an order this service never assessed; nothing to give back');
    const givenBack = await this.ledger.giveBack(manager, ref, publish);
    // Remember the rejection and its step, so a late payment is refused at the step the order is at.
    await orders.update(ref, { status: 'REJECTED', reasonCode: 'PICKUP_EXPIRED', step: Math.max(order.step, event.step ?? order.step) });
    log.info({ quotaGivenBack: givenBack ?? '0.00' }, 'pickup expired; quota given back');
  }
}
