// The whole intake decision of CONTRACT 2.1, in its order: shape and every field at once (the
// ID checksum, the model's required fields and, for models I and III, what the Single Window's
// messages can hold included), then currency, identity, payment.
// The first failing stage is the answer. Used by the order service and the gateway alike.
import { FieldError, OrderPlacedData, RejectionReason, RESIDENT_ID_FORMAT, validatePayload } from '@cbec/contracts';
import { orderMessageProblems } from '@cbec/single-window';
import { judgeIntakeChecks } from './order-intake';
import { residentIdProblem } from './resident-id';

export type IntakeVerdict = { ok: true; order: OrderPlacedData } | { ok: false; reasonCode: RejectionReason; details: FieldError[] };

export function judgeOrderIntake(data: unknown, today: Date = new Date()): IntakeVerdict {
  const { value: order, errors } = validatePayload(OrderPlacedData, data);
  // The message values are built from the fields, so they are judged once the fields are valid (CONTRACT 8.2).
  const fieldErrors = [...errors, ...crossFieldErrors(data, today), ...(order ? orderMessageProblems(order) : [])];
  if (!order || fieldErrors.length > 0) return { ok: false, reasonCode: 'INVALID_ORDER', details: fieldErrors };
  const verdict = judgeIntakeChecks(order);
  return verdict.ok ? { ok: true, order } : verdict;
}

/** Rules the payload class cannot express: the ID checksum and the waybill of models II and III. */
function crossFieldErrors(data: unknown, today: Date): FieldError[] {
  const order = (data ?? {}) as Partial<OrderPlacedData>;
  const errors: FieldError[] = [];
  const idNumber = order.consumer?.idNumber;
  // A malformed ID already has its field error from the payload class; here only the checksum and birth date.
  const idProblem = typeof idNumber === 'string' && RESIDENT_ID_FORMAT.test(idNumber) ? residentIdProblem(idNumber, today) : undefined;
  if (idProblem) errors.push({ field: 'consumer.idNumber', message: `consumer.idNumber ${idProblem}` });
  const needsWaybill = order.clearanceModel === 'GENERAL_TRADE' || order.clearanceModel === 'BONDED_ZONE';
  if (needsWaybill && order.logistics && typeof order.logistics === 'object' && order.logistics.waybillNumber === undefined) {
    errors.push({ field: 'logistics.waybillNumber', message: `logistics.waybillNumber is required for ${order.clearanceModel} (only DIRECT_MAIL may leave it to the logistics service)` });
  }
  return errors;
}
