// What a completed return gives back (CONTRACT 7.3): per returned line, each tax of the line as
// assessed times returned / ordered, and the line's dutiable value times returned / ordered (to
// the consumer's annual total), each rounded half-up to the cent.
//
// Several partial returns of one line must add up to what the line was assessed, to the cent,
// once every unit is back. So `returned` is counted cumulatively: a return refunds the share of
// the units back after it less the share of the units back before it. A first (or only) return
// is exactly the contract's formula; later ones differ from it by at most a cent, and the sum
// over all returns is the assessed amount itself.
import type { Decimal } from 'decimal.js';
import { Money, sumMoney, toMoney } from './money';

/** One sku of an order as it can come back: what was ordered of it and what it was assessed. */
export interface ReturnableLine {
  sku: string;
  ordered: number;
  dutiableValue: string;
  duty: string;
  consumptionTax: string;
  vat: string;
}

export interface ReturnedQuantity {
  sku: string;
  quantity: number;
}

export interface LineGiveBack {
  sku: string;
  quantity: number;
  duty: string;
  consumptionTax: string;
  vat: string;
  quota: string;
}

export interface ReturnGiveBack {
  lines: LineGiveBack[];
  refund: { duty: string; consumptionTax: string; vat: string; total: string };
  quotaGivenBack: string;
}

/**
 * The order's lines by sku, from its items and the assessment's lines (in the same order). Lines
 * that share a sku are one returnable line: their quantities and amounts added up.
 */
export function returnableLinesOf(
  items: readonly { sku: string; quantity: number }[],
  assessed: readonly { sku: string; dutiableValue: string; duty: string; consumptionTax: string; vat: string }[],
): ReturnableLine[] {
  if (items.length !== assessed.length) throw new RangeError(`the order has ${items.length} items but its assessment ${assessed.length} lines`);
  const bySku = new Map<string, ReturnableLine>();
  items.forEach((item, index) => {
    const line = assessed[index];
    const known = bySku.get(item.sku);
    if (!known) return bySku.set(item.sku, { sku: item.sku, ordered: item.quantity, dutiableValue: line.dutiableValue, duty: line.duty, consumptionTax: line.consumptionTax, vat: line.vat });
    bySku.set(item.sku, {
      sku: item.sku,
      ordered: known.ordered + item.quantity,
      dutiableValue: sumMoney([known.dutiableValue, line.dutiableValue]),
      duty: sumMoney([known.duty, line.duty]),
      consumptionTax: sumMoney([known.consumptionTax, line.consumptionTax]),
      vat: sumMoney([known.vat, line.vat]),
    });
  });
  return [...bySku.values()];
}

/**
 * The give-back of one return. `backBefore`: per sku, the units that earlier completed returns
 * brought back. Throws when a return would bring back more than was ordered (the return's
 * acceptance checked it already).
 */
export function giveBackOfReturn(lines: readonly ReturnableLine[], backBefore: Readonly<Record<string, number>>, returning: readonly ReturnedQuantity[]): ReturnGiveBack {
  const given = returning.map(({ sku, quantity }) => {
    const line = lines.find((candidate) => candidate.sku === sku);
    if (!line) throw new RangeError(`sku ${sku} is not on the order`);
    const before = backBefore[sku] ?? 0;
    const after = before + quantity;
    if (after > line.ordered) throw new RangeError(`${after} units of ${sku} back, but ${line.ordered} were ordered`);
    const portion = (amount: string) => toMoney(shareOf(amount, after, line.ordered).minus(shareOf(amount, before, line.ordered)));
    return { sku, quantity, duty: portion(line.duty), consumptionTax: portion(line.consumptionTax), vat: portion(line.vat), quota: portion(line.dutiableValue) };
  });
  const duty = sumMoney(given.map((line) => line.duty));
  const consumptionTax = sumMoney(given.map((line) => line.consumptionTax));
  const vat = sumMoney(given.map((line) => line.vat));
  return { lines: given, refund: { duty, consumptionTax, vat, total: sumMoney([duty, consumptionTax, vat]) }, quotaGivenBack: sumMoney(given.map((line) => line.quota)) };
}

/** amount * back / ordered, rounded half-up to the cent. */
function shareOf(amount: string, back: number, ordered: number): Decimal {
  return new Money(toMoney(new Money(amount).times(back).dividedBy(ordered)));
}

/** Whether every unit of every line has come back, counting this return's. */
export function isEveryUnitBack(lines: readonly ReturnableLine[], back: Readonly<Record<string, number>>): boolean {
  return lines.every((line) => (back[line.sku] ?? 0) >= line.ordered);
}
