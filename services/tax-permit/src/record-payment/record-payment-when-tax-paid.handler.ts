// A platform pays the assessed tax (cbec.platform.tax-paid.v1): judged by payment.rule; accepted,
// it cancels the tax-due timer and leads to TAX_PAID and, where the model has one, PERMIT_ISSUED.
import { Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, ClearanceEventData, orderKey, PermitIssuedData, PLATFORM_EVENTS, RequestRefusedData, TAX_PERMIT_EVENTS, TaxSettledData, TOPICS } from '@cbec/contracts';
import { contentHashOf, toMoney } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { PermitNumbers } from '../issue-permit/permit-numbers';
import { TaxOrder } from '../persistence/tax-order.entity';
import { TAX_DUE_TIMER } from '../reject-unpaid/reject-when-tax-due.timer';
import { judgePayment } from './payment.rule';

@Injectable()
export class RecordPaymentWhenTaxPaidHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.taxPaid;

  constructor(private readonly permits: PermitNumbers) {}

  async handle(event: CloudEvent, { manager, publish, timers, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const orders = manager.getRepository(TaxOrder);
    const order = await orders.findOne({ where: ref, lock: { mode: 'pessimistic_write' } });
    const paymentHash = contentHashOf(event.data);
    const judgement = judgePayment(order, event.data, paymentHash);

    if (judgement.kind === 'already-accepted') return log.info('accepted tax payment re-sent; nothing changes');
    if (judgement.kind === 'refused') {
      log.info({ reasonCode: judgement.reasonCode }, 'tax payment refused');
      const { reasonCode, message, details } = judgement;
      const refusal: RequestRefusedData & Pick<ClearanceEventData, 'clearanceModel'> = { ...ref, clearanceModel: order?.clearanceModel ?? null, refusedEventId: event.id, refusedType: event.type, reasonCode, message, ...(details ? { details } : {}) };
      return publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.requestRefused, subject, data: refusal, step: order?.step ?? 0 });
    }

    const { clearanceModel, declaration, assessmentId, total } = order!;
    const permitNumber = CLEARANCE_MODEL_RULES[clearanceModel].issuesPermit ? await this.permits.next(manager) : null;
    const step = order!.step + 1;
    await timers.cancel(TAX_DUE_TIMER);
    await orders.update(ref, { status: permitNumber ? 'PERMIT_ISSUED' : 'TAX_PAID', step: permitNumber ? step + 1 : step, paymentHash, paymentReference: judgement.payment.paymentReference, permitNumber });
    const paid: TaxSettledData = { ...ref, clearanceModel, declaration, assessmentId: assessmentId!, amount: toMoney(total!), withheld: false, paymentReference: judgement.payment.paymentReference, ...(order!.assessment ? { assessment: order!.assessment } : {}) };
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxPaid, subject, data: paid, step });
    log.info({ permitNumber }, 'tax paid');
    if (!permitNumber) return;
    const permit: PermitIssuedData = { ...ref, clearanceModel, declaration, permitNumber, assessmentId: paid.assessmentId, amount: paid.amount, ...(paid.assessment ? { assessment: paid.assessment } : {}) };
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.permitIssued, subject, data: permit, step: step + 1 });
  }
}
