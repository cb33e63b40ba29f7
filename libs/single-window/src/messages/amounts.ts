// Amounts as the messages write them: decimal.js, never floats; money with two decimals as in the
// order ("398.00"), quantities and weights as they are (at most 5 fraction digits: "0.24", "2").
import { Decimal } from 'decimal.js';

/** A private Decimal: the global configuration stays untouched for other code. */
const Amount = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

export type AmountInput = Decimal.Value;

/** Two decimals: "199" -> "199.00". Order money has at most two, so nothing is rounded away. */
export function money(value: AmountInput): string {
  return new Amount(value).toFixed(2);
}

/** As it is, without exponent or trailing zeros, at most 5 fraction digits: "0.240" -> "0.24". */
export function decimalText(value: AmountInput): string {
  return new Amount(value).toDecimalPlaces(5).toFixed();
}

export function times(a: AmountInput, b: AmountInput): Decimal {
  return new Amount(a).times(b);
}

export function sum(values: readonly AmountInput[]): Decimal {
  return values.reduce<Decimal>((total, value) => total.plus(value), new Amount(0));
}
