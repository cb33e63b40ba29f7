// When an order gives its amount back to the consumer's annual total (CONTRACT 4.3, 7): a
// rejection or a cancellation after the assessment gives back what it counted, once; a return
// gives back its part (CONTRACT 7.3); never more than the order counted in all.
import { Money, toMoney } from '@cbec/domain';

export interface CountedOrder {
  amount: string;
  givenBackAt: Date | null;
  /** What returns gave back so far; "0" when none. */
  givenBack?: string;
}

/** The amount to give back, or undefined when the order counted nothing or was given back already. */
export function quotaToGiveBack(entry: CountedOrder | null | undefined): string | undefined {
  if (!entry || entry.givenBackAt !== null) return undefined;
  const left = new Money(entry.amount).minus(entry.givenBack ?? 0);
  return left.greaterThan(0) ? toMoney(left) : undefined;
}

/** The part of a return, capped at what the order still counts; undefined when nothing is left. */
export function quotaOfReturnToGiveBack(entry: CountedOrder | null | undefined, asked: string): string | undefined {
  const left = quotaToGiveBack(entry);
  if (left === undefined || !new Money(asked).greaterThan(0)) return undefined;
  return toMoney(Money.min(left, asked));
}

/** The consumer's total after a give-back; never below zero, whatever was edited by hand. */
export function totalAfterGiveBack(total: string, amount: string): string {
  return toMoney(Money.max(new Money(total).minus(amount), 0));
}
