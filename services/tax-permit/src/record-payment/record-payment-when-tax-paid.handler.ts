// A platform pays the assessed tax (cbec.platform.tax-paid.v1): judged by payment.rule; accepted,
// it cancels the tax-due timer and leads to TAX_PAID and, where the model has one, PERMIT_ISSUED.
// A run of payments is taken together: the orders read and locked at once, each payment judged
// in turn, the permit numbers drawn at once, the accepted payments written at once.
import { Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, orderKey, PermitIssuedData, PLATFORM_EVENTS, refusal, TAX_PERMIT_EVENTS, TaxSettledData, TOPICS } from '@cbec/contracts';
import { contentHashOf, toMoney } from '@cbec/domain';
import { BatchContext, batchOf, CloudEvent, contextOf, EventHandler, forEachEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { PermitNumbers } from '../issue-permit/permit-numbers';
import { lockTaxOrders, PaidOrder, recordPayments, TaxOrderRow } from '../persistence/tax-order-store';
import { TAX_DUE_TIMER } from '../reject-unpaid/reject-when-tax-due.timer';
import { judgePayment, PaymentJudgement } from './payment.rule';

/** A payment as judged against its order as it stood then. */
interface JudgedPayment {
  event: CloudEvent;
  order: TaxOrderRow | null;
  judgement: PaymentJudgement;
  paymentHash: string;
  issuesPermit: boolean;
}

@Injectable()
export class RecordPaymentWhenTaxPaidHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.taxPaid;

  constructor(private readonly permits: PermitNumbers) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const orders = await lockTaxOrders(context.manager, events.map((event) => orderRefOf(event)!));
    const judged: JudgedPayment[] = [];
    await forEachEvent(events, (event) => judged.push(judge(event, orders)));
    const permitNumbers = await this.permits.next(context.manager, judged.filter((payment) => payment.issuesPermit).length);
    const paid = new Map<string, PaidOrder>();
    await forEachEvent(judged, async (payment) => {
      const row = await settle(payment, permitNumbers, contextOf(payment.event, context));
      if (row) paid.set(orderKey(row.platformId, row.orderId), row);
    });
    await recordPayments(context.manager, [...paid.values()]);
  }
}

/** Judges the payment against its order as the run has left it; an accepted one changes the order for later payments. */
function judge(event: CloudEvent, orders: Map<string, TaxOrderRow>): JudgedPayment {
  const ref = orderRefOf(event)!;
  const order = orders.get(orderKey(ref.platformId, ref.orderId)) ?? null;
  const paymentHash = contentHashOf(event.data);
  const judgement = judgePayment(order, event.data, paymentHash);
  if (judgement.kind !== 'accepted') return { event, order, judgement, paymentHash, issuesPermit: false };
  const issuesPermit = CLEARANCE_MODEL_RULES[order!.clearanceModel].issuesPermit;
  const step = order!.step + 1;
  orders.set(orderKey(ref.platformId, ref.orderId), { ...order!, status: issuesPermit ? 'PERMIT_ISSUED' : 'TAX_PAID', step: issuesPermit ? step + 1 : step, paymentHash, paymentReference: judgement.payment.paymentReference });
  return { event, order, judgement, paymentHash, issuesPermit };
}

/** Publishes what the judged payment leads to; returns what an accepted one writes. */
async function settle({ event, order, judgement, paymentHash, issuesPermit }: JudgedPayment, permitNumbers: string[], { publish, timers, log }: HandlerContext): Promise<PaidOrder | undefined> {
  const ref = orderRefOf(event)!;
  const subject = orderKey(ref.platformId, ref.orderId);
  const about = { eventId: event.id, subject };
  if (judgement.kind === 'already-accepted') return void log.info(about, 'accepted tax payment re-sent; nothing changes');
  if (judgement.kind === 'refused') {
    log.info({ ...about, reasonCode: judgement.reasonCode }, 'tax payment refused');
    return void publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.requestRefused, subject, data: refusal(ref, event, judgement, order?.clearanceModel ?? null), step: order?.step ?? 0 });
  }

  const { clearanceModel, declaration, assessmentId, total, assessment } = order!;
  const permitNumber = issuesPermit ? permitNumbers.shift()! : null;
  const step = order!.step + 1;
  await timers.cancel(TAX_DUE_TIMER);
  const paid: TaxSettledData = { ...ref, clearanceModel, declaration, assessmentId: assessmentId!, amount: toMoney(total!), withheld: false, paymentReference: judgement.payment.paymentReference, ...(assessment ? { assessment } : {}) };
  publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxPaid, subject, data: paid, step });
  log.info({ ...about, permitNumber }, 'tax paid');
  if (permitNumber) {
    const permit: PermitIssuedData = { ...ref, clearanceModel, declaration, permitNumber, assessmentId: paid.assessmentId, amount: paid.amount, ...(paid.assessment ? { assessment: paid.assessment } : {}) };
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.permitIssued, subject, data: permit, step: step + 1 });
  }
  return { ...ref, status: permitNumber ? 'PERMIT_ISSUED' : 'TAX_PAID', step: permitNumber ? step + 1 : step, paymentHash, paymentReference: judgement.payment.paymentReference, permitNumber };
}
