// The cross-border retail limits (CONTRACT 4.3): 5000.00 per order, 26000.00 per consumer and
// calendar year. They decide which retail regime an order is taxed under, or reject it.
import type { TaxRegime } from '@cbec/contracts';
import { Money } from './money';

export const SINGLE_ORDER_LIMIT = '5000.00';
export const ANNUAL_LIMIT = '26000.00';

export interface RetailOrderSize {
  lines: readonly { quantity: number }[];
  /** The order's dutiable total: goods + freight + insurance. */
  dutiableTotal: string;
  /** What the consumer's earlier orders of the same quota year already count. */
  annualTotalBefore: string;
}

export type RetailRegimeDecision =
  | { ok: true; regime: Extract<TaxRegime, 'CBEC_RETAIL' | 'CBEC_RETAIL_FULL_RATE'> }
  | { ok: false; reasonCode: 'SINGLE_LIMIT_EXCEEDED' | 'ANNUAL_LIMIT_EXCEEDED' };

/**
 * Within both limits: CBEC_RETAIL. Above the single limit with one indivisible item (one line of
 * quantity 1), within the annual limit: CBEC_RETAIL_FULL_RATE. The single limit is checked first.
 */
export function decideRetailRegime(order: RetailOrderSize): RetailRegimeDecision {
  const aboveSingleLimit = new Money(order.dutiableTotal).greaterThan(SINGLE_ORDER_LIMIT);
  if (aboveSingleLimit && !isSingleIndivisibleItem(order.lines)) return { ok: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' };
  if (exceedsAnnualLimit(order.annualTotalBefore, order.dutiableTotal)) return { ok: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' };
  return { ok: true, regime: aboveSingleLimit ? 'CBEC_RETAIL_FULL_RATE' : 'CBEC_RETAIL' };
}

export function exceedsAnnualLimit(annualTotalBefore: string, dutiableTotal: string): boolean {
  return new Money(annualTotalBefore).plus(dutiableTotal).greaterThan(ANNUAL_LIMIT);
}

function isSingleIndivisibleItem(lines: readonly { quantity: number }[]): boolean {
  return lines.length === 1 && lines[0].quantity === 1;
}

/** Orders count toward the calendar year of their placedAt in China time (UTC+8). */
export function quotaYear(placedAt: string): number {
  const instant = Date.parse(placedAt);
  if (Number.isNaN(instant)) throw new RangeError(`${placedAt} is not a date-time`);
  return new Date(instant + 8 * 60 * 60 * 1000).getUTCFullYear();
}
