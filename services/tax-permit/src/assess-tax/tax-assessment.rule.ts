// The service-local parts of an assessment around libs/domain's assessTax: which tariff entry
// each item falls under, what a limit rejection tells the platform, and the tax-assessed notice.
import type { FieldError, OrderItemData, TariffEntryData, TaxAssessedData } from '@cbec/contracts';
import { ANNUAL_LIMIT, dutiableValuesOf, findTariffEntry, Money, SINGLE_ORDER_LIMIT, sumMoney, TaxAssessed, TaxInput, TaxLineInput, toMoney } from '@cbec/domain';

export type TaxLinesOf = { ok: true; lines: TaxLineInput[] } | { ok: false; details: FieldError[] };

/** Every item by its longest-prefix tariff entry; an item with none is UNKNOWN_HS_CODE (the tariff may have changed since review). */
export function taxLinesOf(items: readonly OrderItemData[], tariff: readonly TariffEntryData[]): TaxLinesOf {
  const entries = items.map((item) => findTariffEntry(tariff, item.hsCode));
  const details = items.flatMap((item, index) => (entries[index] ? [] : [{ field: `items[${index}].hsCode`, message: `no tariff entry covers HS code ${item.hsCode}` }]));
  if (details.length) return { ok: false, details };
  const lines = items.map((item, index) => {
    const { dutyRate, consumptionTaxRate, vatRate } = entries[index]!;
    return { sku: item.sku, quantity: item.quantity, unitPrice: item.unitPrice, rates: { dutyRate, consumptionTaxRate, vatRate } };
  });
  return { ok: true, lines };
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
