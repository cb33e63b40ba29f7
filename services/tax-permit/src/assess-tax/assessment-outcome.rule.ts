// What an approved order's tax decision (decideTax) comes to: the order as this service keeps it,
// and what it publishes: REJECTED; or TAX_ASSESSED and, where the platform withholds the tax,
// TAX_PAID right after it.
import { CLEARANCE_MODEL_RULES, Declaration, DeclarationEventData, orderKey, rejection, TariffEntryData, TAX_PERMIT_EVENTS, TaxAssessedData, TaxSettledData, TOPICS } from '@cbec/contracts';
import { TaxLinesOf, taxLinesOf } from '@cbec/domain';
import type { Decided, OutgoingEvent } from '@cbec/messaging';
import type { AssessedOrder } from '../persistence/tax-order-store';
import { TaxDecision, taxNoticeOf } from './tax-assessment.rule';

/** Whether the order counts toward its consumer's annual account: a retail order with every item under the tariff. */
export function reachesAnnualAccount(declaration: Pick<Declaration, 'clearanceModel'>, lines: TaxLinesOf): boolean {
  return lines.ok && CLEARANCE_MODEL_RULES[declaration.clearanceModel].taxRegime === 'CBEC_RETAIL';
}

/** Of the declarations, those that reach their consumer's account: the accounts an assessment of them locks. */
export function declarationsReachingAccounts<D extends Pick<Declaration, 'clearanceModel' | 'items'>>(declarations: readonly D[], tariff: readonly TariffEntryData[]): D[] {
  return declarations.filter((declaration) => reachesAnnualAccount(declaration, taxLinesOf(declaration.items, tariff)));
}

/** The order and its events as `decision` has it, assessed at `step`; `assessmentId` names an assessment. */
export function assessmentOutcomeOf({ declaration }: DeclarationEventData, decision: TaxDecision, step: number, assessmentId: string): Decided<AssessedOrder> & { state: AssessedOrder } {
  const ref = { platformId: declaration.platformId, orderId: declaration.orderId };
  const subject = orderKey(ref.platformId, ref.orderId);
  const clearanceModel = declaration.clearanceModel;
  const taxOrder = { ...ref, clearanceModel, step, declaration };
  if (decision.kind === 'rejected') {
    const state: AssessedOrder = { ...taxOrder, status: 'REJECTED', reasonCode: decision.reasonCode, assessmentId: null, assessment: null, total: null, dueBy: null };
    return { state, publish: [{ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.rejected, subject, data: rejection(ref, clearanceModel, decision.reasonCode, decision.details), step }] };
  }
  const { assessment, settlement } = decision;
  const notice = taxNoticeOf(assessment, { assessmentId, currency: declaration.currency, withheld: settlement.withheld, dueBy: settlement.dueBy });
  const publish: OutgoingEvent[] = [{ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxAssessed, subject, data: { ...ref, clearanceModel, declaration, notice } satisfies TaxAssessedData, step }];
  if (settlement.withheld) {
    const paid: TaxSettledData = { ...ref, clearanceModel, declaration, assessmentId, amount: notice.totals.total, withheld: true, assessment: notice };
    publish.push({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.taxPaid, subject, data: paid, step: settlement.lastStep });
  }
  const state: AssessedOrder = { ...taxOrder, status: settlement.status, reasonCode: null, step: settlement.lastStep, assessmentId, assessment: notice, total: notice.totals.total, dueBy: settlement.dueBy ?? null };
  return { state, publish };
}
