// An order cancelled by logistics after its tax was paid (or withheld), before the goods moved
// (CONTRACT 7.2): what it counted toward the consumer's annual total is given back, once, as soon
// as tax-permit hears of it. The refund itself was told to the platform with the cancellation.
import { Injectable } from '@nestjs/common';
import { LOGISTICS_EVENTS, OrderCancelledData } from '@cbec/contracts';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { TaxOrder } from '../persistence/tax-order.entity';
import { AnnualLedger } from './annual-ledger';

@Injectable()
export class GiveBackQuotaWhenCancelledHandler implements EventHandler<OrderCancelledData> {
  readonly eventType = LOGISTICS_EVENTS.cancelled;

  constructor(private readonly ledger: AnnualLedger) {}

  async handle(event: CloudEvent<OrderCancelledData>, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const orders = manager.getRepository(TaxOrder);
    const order = await orders.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    if (!order) return log.warn('an order this service never assessed was cancelled; nothing to give back');
    const givenBack = await this.ledger.giveBack(manager, ref, publish);
    // The status stays as it was here (paid): a later payment is refused as for any paid order.
    await orders.update(ref, { step: Math.max(order.step, event.step ?? order.step) });
    log.info({ quotaGivenBack: givenBack ?? '0.00' }, 'order cancelled before its goods moved; quota given back');
  }
}
