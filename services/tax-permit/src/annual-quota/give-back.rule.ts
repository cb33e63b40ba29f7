// When an order rejected after its assessment gives its amount back to the consumer's annual
// total (CONTRACT 4.3): only what it counted, and only once.
import { Money, toMoney } from '@cbec/domain';

export interface CountedOrder {
  amount: string;
  givenBackAt: Date | null;
}

/** The amount to give back, or undefined when the order counted nothing or was given back already. */
export function quotaToGiveBack(entry: CountedOrder | null | undefined): string | undefined {
  if (!entry || entry.givenBackAt !== null) return undefined;
  return new Money(entry.amount).greaterThan(0) ? toMoney(entry.amount) : undefined;
}

/** The consumer's total after a give-back; never below zero, whatever was edited by hand. */
export function totalAfterGiveBack(total: string, amount: string): string {
  return toMoney(Money.max(new Money(total).minus(amount), 0));
}
