// Assesses the tax of an approved order (CONTRACT 4.3): every item's tariff entry, the regime,
// the retail limits against the consumer's locked annual ledger; then TAX_ASSESSED (and TAX_PAID
// at once where the platform withholds the tax, else a tax-due timer) or REJECTED. A run of
// approvals is assessed together: one read of the orders, the tariff and the consumers'
// accounts, then one insert of the orders and one write of the ledger.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, DeclarationEventData, FieldError, INSPECTION_EVENTS, nextStep, orderKey, rejection, RejectionReason, TariffEntryData, TAX_PERMIT_EVENTS, TaxAssessedData, TaxSettledData, TOPICS } from '@cbec/contracts';
import { assessTax, TaxInput, taxLinesOf } from '@cbec/domain';
import { BatchContext, batchOf, CloudEvent, contextOf, EventHandler, forEachEvent, HandlerContext } from '@cbec/messaging';
import { AnnualLedger, LedgerRun } from '../annual-quota/annual-ledger';
import { TAX_PERMIT_CONFIG, TaxPermitConfig } from '../config';
import { TariffTable } from '../persistence/tariff-table';
import { AssessedOrder, assessedOrders, insertTaxOrders } from '../persistence/tax-order-store';
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

  handle(event: CloudEvent<DeclarationEventData>, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent<DeclarationEventData>[], context: BatchContext): Promise<void> {
    const { manager, log } = context;
    const assessed = await assessedOrders(manager, events.map(({ data }) => refOf(data)));
    const tariff = await this.tariff.entries(manager);
    // The accounts the run's new retail orders count against (an order with an unknown HS code never reaches its account).
    const firsts = [...new Map(events.filter(({ data }) => !assessed.has(keyOf(data))).map((event) => [keyOf(event.data), event])).values()];
    const counting = firsts.filter(({ data: { declaration } }) => CLEARANCE_MODEL_RULES[declaration.clearanceModel].taxRegime === 'CBEC_RETAIL' && taxLinesOf(declaration.items, tariff).ok);
    const ledger = await this.ledger.lockAccounts(manager, counting.map(({ data }) => data.declaration));
    const orders: AssessedOrder[] = [];
    await forEachEvent(events, async (event) => {
      if (assessed.has(keyOf(event.data))) return log.info({ eventId: event.id, subject: keyOf(event.data) }, 'approval delivered again; the order is assessed once');
      assessed.add(keyOf(event.data));
      orders.push(await this.assess(event, tariff, ledger, contextOf(event, context)));
    });
    await insertTaxOrders(manager, orders);
    await ledger.save(manager);
  }

  /** The order as assessed (or rejected); publishes the outcome and sets the tax-due timer. */
  private async assess(event: CloudEvent<DeclarationEventData>, tariff: readonly TariffEntryData[], ledger: LedgerRun, context: HandlerContext): Promise<AssessedOrder> {
    const { publish, timers, log } = context;
    const { declaration } = event.data;
    const ref = refOf(event.data);
    const step = nextStep(event);
    const model = declaration.clearanceModel;
    const rules = CLEARANCE_MODEL_RULES[model];

    const lines = taxLinesOf(declaration.items, tariff);
    if (!lines.ok) return this.reject(event.data, step, 'UNKNOWN_HS_CODE', lines.details, context);
    const account = rules.taxRegime === 'CBEC_RETAIL' ? ledger.account(declaration) : undefined;
    const input: TaxInput = { model, lines: lines.lines, freight: declaration.freight, insurance: declaration.insurance, annualTotalBefore: account?.totalBefore ?? '0.00' };
    const assessment = assessTax(input);
    // Only the retail regime has limits, so a limit is exceeded only where an account was locked.
    if (!assessment.ok) return this.reject(event.data, step, assessment.reasonCode, limitExceededDetails(assessment.reasonCode, input, account!.quotaYear), context);
    if (account) ledger.count(ref, account, assessment.countsTowardAnnual, publish);

    const dueBy = rules.taxWithheld ? undefined : new Date(Date.now() + this.config.taxDueMs);
    const notice = taxNoticeOf(assessment, { assessmentId: `TA-${randomUUID()}`, currency: declaration.currency, withheld: rules.taxWithheld, dueBy });
    const lastStep = rules.taxWithheld ? step + 1 : step;
    const order: AssessedOrder = { ...ref, clearanceModel: model, status: rules.taxWithheld ? 'TAX_PAID' : 'TAX_ASSESSED', reasonCode: null, step: lastStep, declaration, assessmentId: notice.assessmentId, assessment: notice, total: notice.totals.total, dueBy: dueBy ?? null };
    const subject = orderKey(ref.platformId, ref.orderId);
    const assessed: TaxAssessedData = { ...ref, clearanceModel: model, declaration, notice };
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxAssessed, subject, data: assessed, step });
    log.info({ eventId: event.id, subject, regime: notice.regime, total: notice.totals.total, withheld: rules.taxWithheld }, 'tax assessed');
    if (rules.taxWithheld) {
      const paid: TaxSettledData = { ...ref, clearanceModel: model, declaration, assessmentId: notice.assessmentId, amount: notice.totals.total, withheld: true, assessment: notice };
      publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxPaid, subject, data: paid, step: step + 1 });
      return order;
    }
    await timers.schedule(TAX_DUE_TIMER, dueBy!);
    return order;
  }

  private reject(data: DeclarationEventData, step: number, reasonCode: RejectionReason, details: FieldError[], { publish, log }: HandlerContext): AssessedOrder {
    const { declaration } = data;
    const ref = refOf(data);
    log.info({ subject: keyOf(data), reasonCode }, 'order rejected at assessment');
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.rejected, subject: keyOf(data), data: rejection(ref, declaration.clearanceModel, reasonCode, details), step });
    return { ...ref, clearanceModel: declaration.clearanceModel, status: 'REJECTED', reasonCode, step, declaration, assessmentId: null, assessment: null, total: null, dueBy: null };
  }
}

function refOf({ declaration }: DeclarationEventData): { platformId: string; orderId: string } {
  return { platformId: declaration.platformId, orderId: declaration.orderId };
}

function keyOf(data: DeclarationEventData): string {
  return orderKey(data.declaration.platformId, data.declaration.orderId);
}
