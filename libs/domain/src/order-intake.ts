// The intake checks that follow field validation (CONTRACT 2.1): currency, identity, payment, in
// that order. Each returns the rejection it decides, or ok. The ID checksum is a field error of
// INVALID_ORDER, found with residentIdProblem while the fields are validated.
import type { FieldError } from '@cbec/contracts';
import { Money, sumMoney, toMoney } from './money';
import { maskResidentId } from '@cbec/privacy';

/** The fields of an order-placed payload these checks read, already field-validated. */
export interface IntakeOrder {
  /** A valid ISO 4217 code already; only CNY passes. */
  currency: string;
  consumer: { name: string; idNumber: string };
  payment: { payerName: string; payerIdNumber: string; amount: string };
  items: readonly IntakeItem[];
  /** "0.00" when absent. */
  freight?: string;
  /** "0.00" when absent. */
  insurance?: string;
}

export interface IntakeItem {
  quantity: number;
  unitPrice: string;
}

export type IntakeCheck<Reason extends string> = { ok: true } | { ok: false; reasonCode: Reason; details: FieldError[] };

export type IntakeRejection = 'UNSUPPORTED_CURRENCY' | 'IDENTITY_MISMATCH' | 'PAYMENT_MISMATCH';

/** Currency, then identity, then payment: the first failure is the answer. */
export function judgeIntakeChecks(order: IntakeOrder): IntakeCheck<IntakeRejection> {
  for (const check of [checkCurrency, checkIdentityMatch, checkPaymentMatch]) {
    const result = check(order);
    if (!result.ok) return result;
  }
  return { ok: true };
}

export const ACCEPTED_CURRENCY = 'CNY';

export function checkCurrency(order: Pick<IntakeOrder, 'currency'>): IntakeCheck<'UNSUPPORTED_CURRENCY'> {
  if (order.currency === ACCEPTED_CURRENCY) return { ok: true };
  return { ok: false, reasonCode: 'UNSUPPORTED_CURRENCY', details: [{ field: 'currency', message: `currency ${order.currency} is not supported; orders are paid in ${ACCEPTED_CURRENCY}` }] };
}

/**
 * The payer must be the consumer. Both sides are trimmed; the name is then compared exactly
 * (case and inner spaces count), the ID number with its check character 'x' read as 'X'.
 */
export function checkIdentityMatch(order: Pick<IntakeOrder, 'consumer' | 'payment'>): IntakeCheck<'IDENTITY_MISMATCH'> {
  const details: FieldError[] = [];
  if (order.payment.payerName.trim() !== order.consumer.name.trim()) {
    details.push({ field: 'payment.payerName', message: 'payment.payerName must be the consumer.name of the order' });
  }
  if (comparableIdNumber(order.payment.payerIdNumber) !== comparableIdNumber(order.consumer.idNumber)) {
    details.push({
      field: 'payment.payerIdNumber',
      message: `payment.payerIdNumber ${maskResidentId(order.payment.payerIdNumber.trim())} must be the consumer.idNumber ${maskResidentId(order.consumer.idNumber.trim())}`,
    });
  }
  return details.length === 0 ? { ok: true } : { ok: false, reasonCode: 'IDENTITY_MISMATCH', details };
}

/** The payment must cover goods + freight + insurance, to the cent (CONTRACT 2.1). */
export function checkPaymentMatch(order: Pick<IntakeOrder, 'payment' | 'items' | 'freight' | 'insurance'>): IntakeCheck<'PAYMENT_MISMATCH'> {
  const goods = goodsTotal(order.items);
  const freight = order.freight ?? '0.00';
  const insurance = order.insurance ?? '0.00';
  const expected = sumMoney([goods, freight, insurance]);
  if (new Money(order.payment.amount).equals(expected)) return { ok: true };
  const message = `payment.amount ${order.payment.amount} must equal goods ${goods} + freight ${toMoney(freight)} + insurance ${toMoney(insurance)} = ${expected}`;
  return { ok: false, reasonCode: 'PAYMENT_MISMATCH', details: [{ field: 'payment.amount', message }] };
}

/** The sum of quantity * unitPrice over the items. */
export function goodsTotal(items: readonly IntakeItem[]): string {
  return sumMoney(items.map((item) => new Money(item.unitPrice).times(item.quantity)));
}

function comparableIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}
