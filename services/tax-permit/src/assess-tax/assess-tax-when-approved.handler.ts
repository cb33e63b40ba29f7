// Assesses the tax of an approved order (CONTRACT 4.3): every item's tariff entry, the regime,
// the retail limits against the consumer's locked annual ledger; then TAX_ASSESSED (and TAX_PAID
// at once where the platform withholds the tax, else a tax-due timer) or REJECTED.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, DeclarationEventData, FieldError, INSPECTION_EVENTS, orderKey, rejection, RejectionReason, TAX_PERMIT_EVENTS, TaxAssessedData, TaxSettledData, TOPICS } from '@cbec/contracts';
import { assessTax, TaxInput, taxLinesOf } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext } from '@cbec/messaging';
import { AnnualLedger } from '../annual-quota/annual-ledger';
import { TAX_PERMIT_CONFIG, TaxPermitConfig } from '../config';
import { TariffTable } from '../persistence/tariff-table';
import { TaxOrder } from '../persistence/tax-order.entity';
import { TAX_DUE_TIMER } from '../reject-unpaid/reject-when-tax-due.timer';
import { limitExceededDetails, taxNoticeOf } from './tax-assessment.rule';

@Injectable()
export class AssessTaxWhenApprovedHandler implements EventHandler<DeclarationEventData> {
  readonly eventType = INSPECTION_EVENTS.approved;

  constructor(
    private readonly tariff: TariffTable,
    private readonly ledger: AnnualLedger,
    @Inject(TAX_PERMIT_CONFIG) private readonly config: TaxPermitConfig,
  ) {}

  async handle(event: CloudEvent<DeclarationEventData>, context: HandlerContext): Promise<void> {
    const { manager, publish, timers, log } = context;
    const { declaration } = event.data;
    const ref = { platformId: declaration.platformId, orderId: declaration.orderId };
    const orders = manager.getRepository(TaxOrder);
    if (await orders.existsBy(ref)) return log.info('approval delivered again; the order is assessed once');
    const step = (event.step ?? 0) + 1;
    const model = declaration.clearanceModel;
    const rules = CLEARANCE_MODEL_RULES[model];

    const lines = taxLinesOf(declaration.items, await this.tariff.entries(manager));
    if (!lines.ok) return this.reject(event.data, step, 'UNKNOWN_HS_CODE', lines.details, context);
    const account = rules.taxRegime === 'CBEC_RETAIL' ? await this.ledger.lock(manager, declaration) : undefined;
    const input: TaxInput = { model, lines: lines.lines, freight: declaration.freight, insurance: declaration.insurance, annualTotalBefore: account?.totalBefore ?? '0.00' };
    const assessment = assessTax(input);
    // Only the retail regime has limits, so a limit is exceeded only where an account was locked.
    if (!assessment.ok) return this.reject(event.data, step, assessment.reasonCode, limitExceededDetails(assessment.reasonCode, input, account!.quotaYear), context);
    if (account) await this.ledger.count(manager, ref, account, assessment.countsTowardAnnual, publish);

    const dueBy = rules.taxWithheld ? undefined : new Date(Date.now() + this.config.taxDueMs);
    const notice = taxNoticeOf(assessment, { assessmentId: `TA-${randomUUID()}`, currency: declaration.currency, withheld: rules.taxWithheld, dueBy });
    const lastStep = rules.taxWithheld ? step + 1 : step;
    await orders.insert({ ...ref, clearanceModel: model, status: rules.taxWithheld ? 'TAX_PAID' : 'TAX_ASSESSED', step: lastStep, declaration, assessmentId: notice.assessmentId, assessment: notice, total: notice.totals.total, dueBy: dueBy ?? null });
    const subject = orderKey(ref.platformId, ref.orderId);
    const assessed: TaxAssessedData = { ...ref, clearanceModel: model, declaration, notice };
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxAssessed, subject, data: assessed, step });
    log.info({ regime: notice.regime, total: notice.totals.total, withheld: rules.taxWithheld }, 'tax assessed');
    if (rules.taxWithheld) {
      const paid: TaxSettledData = { ...ref, clearanceModel: model, declaration, assessmentId: notice.assessmentId, amount: notice.totals.total, withheld: true, assessment: notice };
      return publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxPaid, subject, data: paid, step: step + 1 });
    }
    await timers.schedule(TAX_DUE_TIMER, dueBy!);
  }

  private async reject(data: DeclarationEventData, step: number, reasonCode: RejectionReason, details: FieldError[], { manager, publish, log }: HandlerContext): Promise<void> {
    const { declaration } = data;
    const ref = { platformId: declaration.platformId, orderId: declaration.orderId };
    await manager.getRepository(TaxOrder).insert({ ...ref, clearanceModel: declaration.clearanceModel, status: 'REJECTED', reasonCode, step, declaration });
    log.info({ reasonCode }, 'order rejected at assessment');
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.rejected, subject: orderKey(ref.platformId, ref.orderId), data: rejection(ref, declaration.clearanceModel, reasonCode, details), step });
  }
}
