// The whole intake decision of CONTRACT 2.1, in its order: shape and every field at once (the
// ID checksum and the model's required fields included), then currency, identity, payment.
// The first failing stage is the answer. Used by the order service and the gateway alike.
import { FieldError, OrderPlacedData, RejectionReason, validatePayload } from '@cbec/contracts';
import { checkIdentityMatch, checkPaymentMatch } from './order-intake';
import { isValidResidentId } from './resident-id';

export const ACCEPTED_CURRENCY = 'CNY';

export type IntakeVerdict = { ok: true; order: OrderPlacedData } | { ok: false; reasonCode: RejectionReason; details: FieldError[] };

export function judgeOrderIntake(data: unknown): IntakeVerdict {
  const { value: order, errors } = validatePayload(OrderPlacedData, data);
  const fieldErrors = [...errors, ...crossFieldErrors(data)];
  if (!order || fieldErrors.length > 0) return { ok: false, reasonCode: 'INVALID_ORDER', details: fieldErrors };
  if (order.currency !== ACCEPTED_CURRENCY) {
    return { ok: false, reasonCode: 'UNSUPPORTED_CURRENCY', details: [{ field: 'currency', message: `currency ${order.currency} is not supported; orders are cleared in ${ACCEPTED_CURRENCY}` }] };
  }
  for (const check of [checkIdentityMatch, checkPaymentMatch]) {
    const verdict = check(order);
    if (!verdict.ok) return verdict;
  }
  return { ok: true, order };
}

/** Rules the payload class cannot express: the ID checksum and the waybill of models II and III. */
function crossFieldErrors(data: unknown): FieldError[] {
  const order = (data ?? {}) as Partial<OrderPlacedData>;
  const errors: FieldError[] = [];
  const idNumber = order.consumer?.idNumber;
  if (typeof idNumber === 'string' && /^\d{17}[\dX]$/.test(idNumber) && !isValidResidentId(idNumber)) {
    errors.push({ field: 'consumer.idNumber', message: 'consumer.idNumber fails the resident ID check (ISO 7064 MOD 11-2 check character or birth date)' });
  }
  const needsWaybill = order.clearanceModel === 'GENERAL_TRADE' || order.clearanceModel === 'BONDED_ZONE';
  if (needsWaybill && order.logistics && typeof order.logistics === 'object' && order.logistics.waybillNumber === undefined) {
    errors.push({ field: 'logistics.waybillNumber', message: `logistics.waybillNumber is required for ${order.clearanceModel} (only DIRECT_MAIL may leave it to the logistics service)` });
  }
  return errors;
}
