// How freight + insurance is shared over an order's lines (CONTRACT 4.3): in proportion to line
// value, in whole cents, by the largest-remainder method.
import { Money, toMoney } from './money';

/**
 * Each line gets the floor of its exact share in cents; the cents left over go one each to the
 * lines with the largest fractional parts, ties to the earlier line. The shares add up to the
 * amount exactly. Lines of value 0 get nothing, unless every line is 0: then all share equally.
 * Computed on integer cents, so the fractional parts compare exactly.
 */
export function shareFreight(lineValues: readonly string[], freightPlusInsurance: string): string[] {
  if (lineValues.length === 0) throw new RangeError('freight and insurance cannot be shared over an order without lines');
  const amount = toCents(freightPlusInsurance);
  const values = lineValues.map(toCents);
  const weights = values.every((value) => value === 0n) ? values.map(() => 1n) : values;
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0n);
  const shares = weights.map((weight) => (amount * weight) / totalWeight);
  const remainders = weights.map((weight) => (amount * weight) % totalWeight);
  const leftover = Number(amount - shares.reduce((sum, share) => sum + share, 0n));
  for (const line of linesByLargestRemainder(remainders).slice(0, leftover)) shares[line] += 1n;
  return shares.map(fromCents);
}

function linesByLargestRemainder(remainders: readonly bigint[]): number[] {
  // Array.prototype.sort is stable, so equal remainders keep the earlier line first.
  return remainders.map((_, line) => line).sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : 0));
}

function toCents(amount: string): bigint {
  const cents = new Money(amount).times(100);
  if (!cents.isInteger() || cents.isNegative()) throw new RangeError(`${amount} is not an amount of whole cents`);
  return BigInt(cents.toFixed(0));
}

function fromCents(cents: bigint): string {
  return toMoney(new Money(cents.toString()).dividedBy(100));
}
