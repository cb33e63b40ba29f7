// The service-local parts of an assessment around libs/domain's assessTax: what a limit
// rejection tells the platform, and the tax-assessed notice. Which tariff entry each item falls
// under is libs/domain's taxLinesOf (the quote uses it too).
import type { Declaration, FieldError, RejectionReason, TaxAssessedData } from '@cbec/contracts';
import { ANNUAL_LIMIT, assessTax, dutiableValuesOf, Money, SINGLE_ORDER_LIMIT, sumMoney, TaxAssessed, TaxInput, TaxLinesOf, toMoney } from '@cbec/domain';
import { Settlement, settlementOf } from './tax-withholding.rule';

export { taxLinesOf } from '@cbec/domain';
export type { TaxLinesOf } from '@cbec/domain';

/** The consumer's annual account a retail order counts against, as locked for the assessment. */
export interface AnnualStanding {
  quotaYear: number;
  totalBefore: string;
}

export type TaxDecision =
  | { kind: 'rejected'; reasonCode: RejectionReason; details: FieldError[] }
  | { kind: 'assessed'; assessment: TaxAssessed; settlement: Settlement };

/**
 * An approved order's tax: rejected for an item no tariff entry covers or a retail limit
 * exceeded, else assessed and settled (tax-withholding.rule). `annual`: the consumer's account,
 * for the retail regime only (the only one with limits).
 */
export function decideTax(declaration: Pick<Declaration, 'clearanceModel' | 'freight' | 'insurance'>, lines: TaxLinesOf, annual: AnnualStanding | undefined, step: number, now: Date, taxDueMs: number): TaxDecision {
  if (!lines.ok) return { kind: 'rejected', reasonCode: 'UNKNOWN_HS_CODE', details: lines.details };
  const input: TaxInput = { model: declaration.clearanceModel, lines: lines.lines, freight: declaration.freight, insurance: declaration.insurance, annualTotalBefore: annual?.totalBefore ?? '0.00' };
  const assessment = assessTax(input);
  if (!assessment.ok) return { kind: 'rejected', reasonCode: assessment.reasonCode, details: limitExceededDetails(assessment.reasonCode, input, annual!.quotaYear) };
  return { kind: 'assessed', assessment, settlement: settlementOf(declaration.clearanceModel, step, now, taxDueMs) };
}

/** Why a retail order is over a limit, with the amounts (and never the consumer's ID number). */
export function limitExceededDetails(reasonCode: 'SINGLE_LIMIT_EXCEEDED' | 'ANNUAL_LIMIT_EXCEEDED', input: TaxInput, quotaYear: number): FieldError[] {
  const dutiableTotal = sumMoney(dutiableValuesOf(input));
  if (reasonCode === 'SINGLE_LIMIT_EXCEEDED') {
    return [{ message: `the dutiable total ${dutiableTotal} is above the single-order limit of ${SINGLE_ORDER_LIMIT}, and the order is not a single item of quantity 1` }];
  }
  const after = toMoney(new Money(input.annualTotalBefore).plus(dutiableTotal));
  return [{ message: `the consumer's ${quotaYear} total of ${input.annualTotalBefore} plus this order's ${dutiableTotal} would be ${after}, above the annual limit of ${ANNUAL_LIMIT}` }];
}

export interface NoticeFacts {
  assessmentId: string;
  currency: string;
  withheld: boolean;
  dueBy?: Date;
}

/** The platform's tax-assessed.v1 fields (CONTRACT 2.3). */
export function taxNoticeOf(assessment: TaxAssessed, facts: NoticeFacts): TaxAssessedData['notice'] {
  return {
    assessmentId: facts.assessmentId,
    regime: assessment.regime,
    currency: facts.currency,
    dutiableTotal: assessment.dutiableTotal,
    lines: assessment.lines.map(({ sku, dutiableValue, duty, consumptionTax, vat }) => ({ sku, dutiableValue, duty, consumptionTax, vat })),
    totals: { ...assessment.totals },
    withheld: facts.withheld,
    ...(facts.dueBy ? { dueBy: facts.dueBy.toISOString() } : {}),
  };
}
