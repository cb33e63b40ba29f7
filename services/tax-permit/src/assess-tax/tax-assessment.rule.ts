// The service-local parts of an assessment around libs/domain's assessTax: what a limit
// rejection tells the platform, and the tax-assessed notice. Which tariff entry each item falls
// under is libs/domain's taxLinesOf (the quote uses it too).
import type { FieldError, TaxAssessedData } from '@cbec/contracts';
import { ANNUAL_LIMIT, dutiableValuesOf, Money, SINGLE_ORDER_LIMIT, sumMoney, TaxAssessed, TaxInput, toMoney } from '@cbec/domain';

export { taxLinesOf } from '@cbec/domain';
export type { TaxLinesOf } from '@cbec/domain';

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
