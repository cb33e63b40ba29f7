// A tax not paid by its due date (TAX_DUE_MS after assessment) rejects the order with
// TAX_UNPAID_TIMEOUT and gives the consumer's annual quota back (CONTRACT 4.3).
import { Injectable } from '@nestjs/common';
import { parseOrderKey, rejection, TAX_PERMIT_EVENTS, TOPICS } from '@cbec/contracts';
import { DueTimer, HandlerContext, TimerHandler } from '@cbec/messaging';
import { AnnualLedger } from '../annual-quota/annual-ledger';
import { TaxOrder } from '../persistence/tax-order.entity';

export const TAX_DUE_TIMER = 'tax-permit.tax-due';

@Injectable()
export class RejectWhenTaxDueTimer implements TimerHandler {
  readonly kind = TAX_DUE_TIMER;

  constructor(private readonly ledger: AnnualLedger) {}

  async fire(timer: DueTimer, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = parseOrderKey(timer.subject)!;
    const orders = manager.getRepository(TaxOrder);
    const order = await orders.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    // Payment cancels the timer in its own transaction; this guards a payment committed meanwhile.
    if (order?.status !== 'TAX_ASSESSED') return log.info({ status: order?.status }, 'tax due, but the order no longer waits for payment');
    const givenBack = await this.ledger.giveBack(manager, ref, publish);
    const step = order.step + 1;
    await orders.update(ref, { status: 'REJECTED', reasonCode: 'TAX_UNPAID_TIMEOUT', step });
    const details = [{ message: `the tax of ${order.total} (assessment ${order.assessmentId}) was not paid by ${order.dueBy?.toISOString()}` }];
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.rejected, subject: timer.subject, data: rejection(ref, order.clearanceModel, 'TAX_UNPAID_TIMEOUT', details), step });
    log.info({ quotaGivenBack: givenBack ?? '0.00' }, 'tax unpaid by its due date; order rejected');
  }
}
