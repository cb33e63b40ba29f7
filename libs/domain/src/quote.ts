// A landed-cost quote before checkout (CONTRACT 7.1): what the review (4.2 rules 0-2) and the
// assessment (4.3) would say of the same order, composed from the very functions they use
// (planReview, taxLinesOf, assessTax), so a quote answers to the cent what the assessment says.
import type { ClearanceModel, TariffEntryData, TaxRegime } from '@cbec/contracts';
import { ACCEPTED_CURRENCY } from './order-intake';
import { planReview } from './inspection-rules';
import { AssessedLine, assessTax, dutiableValuesOf, taxAtFullRates, TaxTotals } from './tax';
import { sumMoney } from './money';
import { TaxedItem, taxLinesOf } from './tax-lines';

/** What a quote may answer as the reason an order could not clear (CONTRACT 7.1). */
export type QuoteRejection = 'UNSUPPORTED_CURRENCY' | 'UNKNOWN_HS_CODE' | 'PROHIBITED_GOODS' | 'NOT_ON_POSITIVE_LIST' | 'SINGLE_LIMIT_EXCEEDED' | 'ANNUAL_LIMIT_EXCEEDED';

export interface QuoteInput {
  model: ClearanceModel;
  currency: string;
  items: readonly TaxedItem[];
  /** "0.00" when the order has none. */
  freight: string;
  insurance: string;
  tariff: readonly TariffEntryData[];
  /**
   * The consumer's annual total so far, when the quote names a consumer. Without one the annual
   * limit is checked as for a consumer who has used nothing: an order that alone is over it.
   */
  annualTotalBefore?: string;
}

export interface LandedCostQuote {
  clearanceModel: ClearanceModel;
  admissible: boolean;
  reasonCode?: QuoteRejection;
  /** The regime the assessment would decide; absent when a limit (or the currency) stops it. */
  regime?: TaxRegime;
  currency: string;
  dutiableTotal: string;
  /** Absent when an item has no tariff entry, or the currency is not one the tax is assessed in. */
  lines?: AssessedLine[];
  totals?: TaxTotals;
}

/**
 * In the order the order would meet them: the currency (intake), review rules 0-2, then the
 * limits at assessment (single before annual); the first that fails is the reasonCode.
 */
export function quoteLandedCost(input: QuoteInput): LandedCostQuote {
  const base = { clearanceModel: input.model, currency: input.currency, dutiableTotal: sumMoney(dutiableValuesOf({ lines: input.items, freight: input.freight, insurance: input.insurance })) };
  if (input.currency !== ACCEPTED_CURRENCY) return { ...base, admissible: false, reasonCode: 'UNSUPPORTED_CURRENCY' };

  const review = planReview({ model: input.model, items: input.items, tariff: input.tariff, sampledForReview: false });
  const lines = taxLinesOf(input.items, input.tariff);
  if (!lines.ok) return { ...base, admissible: false, reasonCode: 'UNKNOWN_HS_CODE' };
  const order = { lines: lines.lines, freight: input.freight, insurance: input.insurance };

  const assessment = assessTax({ model: input.model, ...order, annualTotalBefore: input.annualTotalBefore ?? '0.00' });
  const reviewRejection = review.outcome === 'REJECT' ? review.reasonCode : undefined;
  if (!assessment.ok) {
    const { lines: fullRateLines, totals } = taxAtFullRates(order);
    return { ...base, admissible: false, reasonCode: reviewRejection ?? assessment.reasonCode, lines: fullRateLines, totals };
  }
  return {
    ...base,
    admissible: reviewRejection === undefined,
    ...(reviewRejection ? { reasonCode: reviewRejection } : {}),
    regime: assessment.regime,
    dutiableTotal: assessment.dutiableTotal,
    lines: assessment.lines,
    totals: assessment.totals,
  };
}
