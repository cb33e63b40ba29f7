// Assesses the tax of an approved order (CONTRACT 4.3): every item's tariff entry, the regime,
// the retail limits against the consumer's locked annual ledger; then TAX_ASSESSED (and TAX_PAID
// at once where the platform withholds the tax, else a tax-due timer) or REJECTED. A run of
// approvals is assessed together: one read of the orders, the tariff and the consumers'
// accounts, then one insert of the orders and one write of the ledger.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { CLEARANCE_MODEL_RULES, DeclarationEventData, INSPECTION_EVENTS, nextStep, orderKey, rejection, TariffEntryData, TAX_PERMIT_EVENTS, TaxAssessedData, TaxSettledData, TOPICS } from '@cbec/contracts';
import { taxLinesOf } from '@cbec/domain';
import { BatchContext, batchOf, CloudEvent, contextOf, EventHandler, forEachEvent, HandlerContext } from '@cbec/messaging';
import { AnnualLedger, LedgerRun } from '../annual-quota/annual-ledger';
import { TAX_PERMIT_CONFIG, TaxPermitConfig } from '../config';
import { TariffTable } from '../persistence/tariff-table';
import { AssessedOrder, assessedOrders, insertTaxOrders } from '../persistence/tax-order-store';
import { TAX_DUE_TIMER } from '../reject-unpaid/reject-when-tax-due.timer';
import { decideTax, taxNoticeOf } from './tax-assessment.rule';

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
  private async assess(event: CloudEvent<DeclarationEventData>, tariff: readonly TariffEntryData[], ledger: LedgerRun, { publish, timers, log }: HandlerContext): Promise<AssessedOrder> {
    const { declaration } = event.data;
    const ref = refOf(event.data);
    const subject = keyOf(event.data);
    const step = nextStep(event);
    const model = declaration.clearanceModel;
    const lines = taxLinesOf(declaration.items, tariff);
    // Only a retail order with every item under the tariff reaches its consumer's account.
    const account = lines.ok && CLEARANCE_MODEL_RULES[model].taxRegime === 'CBEC_RETAIL' ? ledger.account(declaration) : undefined;
    const decision = decideTax(declaration, lines, account, step, new Date(), this.config.taxDueMs);
    const taxOrder = { ...ref, clearanceModel: model, step, declaration };
    if (decision.kind === 'rejected') {
      log.info({ subject, reasonCode: decision.reasonCode }, 'order rejected at assessment');
      publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.rejected, subject, data: rejection(ref, model, decision.reasonCode, decision.details), step });
      return { ...taxOrder, status: 'REJECTED', reasonCode: decision.reasonCode, assessmentId: null, assessment: null, total: null, dueBy: null };
    }
    const { assessment, settlement } = decision;
    if (account) ledger.count(ref, account, assessment.countsTowardAnnual, publish);
    const notice = taxNoticeOf(assessment, { assessmentId: `TA-${randomUUID()}`, currency: declaration.currency, withheld: settlement.withheld, dueBy: settlement.dueBy });
    publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxAssessed, subject, data: { ...ref, clearanceModel: model, declaration, notice } satisfies TaxAssessedData, step });
    log.info({ eventId: event.id, subject, regime: notice.regime, total: notice.totals.total, withheld: settlement.withheld }, 'tax assessed');
    if (settlement.withheld) {
      const paid: TaxSettledData = { ...ref, clearanceModel: model, declaration, assessmentId: notice.assessmentId, amount: notice.totals.total, withheld: true, assessment: notice };
      publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxPaid, subject, data: paid, step: settlement.lastStep });
    } else await timers.schedule(TAX_DUE_TIMER, settlement.dueBy);
    return { ...taxOrder, status: settlement.status, reasonCode: null, step: settlement.lastStep, assessmentId: notice.assessmentId, assessment: notice, total: notice.totals.total, dueBy: settlement.dueBy ?? null };
  }
}

function refOf({ declaration }: DeclarationEventData): { platformId: string; orderId: string } {
  return { platformId: declaration.platformId, orderId: declaration.orderId };
}

function keyOf(data: DeclarationEventData): string {
  return orderKey(data.declaration.platformId, data.declaration.orderId);
}
