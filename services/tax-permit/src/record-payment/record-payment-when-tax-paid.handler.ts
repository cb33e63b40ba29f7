// A platform pays the assessed tax (cbec.platform.tax-paid.v1): judged by payment.rule; accepted,
// it cancels the tax-due timer and leads to TAX_PAID and, where the model has one, PERMIT_ISSUED
// (payment-outcome.rule). A run of payments is taken together: the orders read and locked at once,
// each payment judged in turn, the permit numbers drawn at once, the accepted payments written at once.
import { Injectable } from '@nestjs/common';
import { PLATFORM_EVENTS, refusal, TAX_PERMIT_EVENTS, TOPICS } from '@cbec/contracts';
import { BatchContext, CloudEvent, Decided, decideInTurn, EventHandler, EventInTurn, ordersOf } from '@cbec/messaging';
import { PermitNumbers } from '../issue-permit/permit-numbers';
import { lockTaxOrders, PaidOrder, recordPayments } from '../persistence/tax-order-store';
import { TAX_DUE_TIMER } from '../reject-unpaid/reject-when-tax-due.timer';
import { JudgedPayment, judgedPaymentOf, paidOrderOf } from './payment-outcome.rule';

@Injectable()
export class RecordPaymentWhenTaxPaidHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.taxPaid;

  constructor(private readonly permits: PermitNumbers) {}

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const orders = await lockTaxOrders(context.manager, ordersOf(events));
    // Every payment judged first, so that the permit numbers the accepted ones need are drawn at once.
    const judged = new Map<CloudEvent, JudgedPayment>();
    await decideInTurn(events, orders, context, (event, order) => {
      const payment = judgedPaymentOf(order ?? null, event.data);
      judged.set(event, payment);
      return { state: payment.state };
    });
    const permitNumbers = await this.permits.next(context.manager, [...judged.values()].filter((payment) => payment.issuesPermit).length);
    const paid = await decideInTurn(events, new Map<string, PaidOrder>(), context, (event, _, inTurn) => settle(event, judged.get(event)!, permitNumbers, inTurn));
    await recordPayments(context.manager, paid);
  }
}

/** Logs and publishes what the judged payment leads to; an accepted one cancels the tax-due timer. */
async function settle(event: CloudEvent, { order, judgement, paymentHash, issuesPermit }: JudgedPayment, permitNumbers: string[], { ref, subject, timers, log }: EventInTurn): Promise<Decided<PaidOrder> | void> {
  const about = { eventId: event.id, subject };
  if (judgement.kind === 'already-accepted') return log.info(about, 'accepted tax payment re-sent; nothing changes');
  if (judgement.kind === 'refused') {
    log.info({ ...about, reasonCode: judgement.reasonCode }, 'tax payment refused');
    return { publish: [{ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.requestRefused, subject, data: refusal(ref, event, judgement, order?.clearanceModel ?? null), step: order?.step ?? 0 }] };
  }
  const permitNumber = issuesPermit ? permitNumbers.shift()! : null;
  await timers.cancel(TAX_DUE_TIMER);
  log.info({ ...about, permitNumber }, 'tax paid');
  return paidOrderOf(ref, subject, order!, judgement.payment, paymentHash, permitNumber);
}
