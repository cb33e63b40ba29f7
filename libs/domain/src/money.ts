// Money as decimal strings with 2 decimals ("199.00"), computed with decimal.js, never JS floats.
import { Decimal } from 'decimal.js';

/**
 * A private Decimal constructor: 40 significant digits keep every unrounded tax amount exact far
 * beyond the cent, and the global Decimal configuration stays untouched for other code.
 */
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
/** Short alias of `Money` for arithmetic-heavy code. */
export const D = Money;

/** An amount or a rate: a decimal string ("199.00", "0.13") or a Decimal. Never a JS number. */
export type DecimalInput = Decimal | string;

/** Non-negative, at most 2 decimals, no exponent, no sign, no leading zeros: "0", "20.5", "199.00". */
const MONEY_STRING = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

export function isMoneyString(value: unknown): value is string {
  return typeof value === 'string' && MONEY_STRING.test(value);
}

/** Rounds half-up to the cent and always writes 2 decimals: 51.63529 -> "51.64", 418 -> "418.00". */
export function toMoney(value: DecimalInput): string {
  return new Money(value).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

export function sumMoney(values: readonly DecimalInput[]): string {
  return toMoney(values.reduce<Decimal>((sum, value) => sum.plus(value), new Money(0)));
}
