// Who answers a platform's cancel-requested, and how (CONTRACT 7.2). The answer belongs to the
// service that holds the order: the one that would emit its next status. Every service says, from
// its own state alone, how it stands to the order (its custody); a service that has handed the
// order on passes the request on, after its hand-off on the same topic and partition, so the
// request reaches the next service after the order does and is decided by exactly one service,
// serialized with every other change that service makes to the order (docs/clearance.md, "The cancellation
// race").
import { CancelRequestedData, FieldError, RefusalReason, ServiceName, validatePayload } from '@cbec/contracts';

export type Custody =
  /** The order rests here: this service would emit its next status. */
  | { kind: 'HOLDING' }
  /** This service has handed the order on to `to` (which will have it before the request). */
  | { kind: 'HANDED_ON'; to: ServiceName }
  /** The order went no further than here, or went where a cancellation can no longer reach it. */
  | { kind: 'ENDED'; because: 'UNKNOWN_ORDER' | 'REJECTED' | 'CANCELLED' | 'GOODS_MOVED' };

export type CancellationVerdict =
  | { kind: 'forward'; to: ServiceName }
  | { kind: 'already-accepted' }
  | { kind: 'refused'; reasonCode: RefusalReason; message: string; details?: FieldError[] }
  | { kind: 'accepted'; request: CancelRequestedData };

/**
 * The state first (a re-send of the accepted cancellation is ignored), then the content:
 * - handed on: the next service decides;
 * - unknown, rejected or cancelled: UNEXPECTED_EVENT; the goods moved (IN_TRANSIT on, COMPLETED,
 *   RETURNED): CANCELLATION_TOO_LATE;
 * - held here: INVALID_REQUEST with the field errors, or accepted.
 */
export function judgeCancellation(custody: Custody, data: unknown, contentHash: string, acceptedHash: string | null): CancellationVerdict {
  if (custody.kind === 'HANDED_ON') return { kind: 'forward', to: custody.to };
  if (acceptedHash !== null && acceptedHash === contentHash) return { kind: 'already-accepted' };
  if (custody.kind === 'ENDED') return refusalOfEnded(custody.because);
  const { value, errors } = validatePayload(CancelRequestedData, data);
  if (!value) return { kind: 'refused', reasonCode: 'INVALID_REQUEST', message: 'the cancellation request is invalid', details: errors };
  return { kind: 'accepted', request: value };
}

function refusalOfEnded(because: Extract<Custody, { kind: 'ENDED' }>['because']): CancellationVerdict {
  switch (because) {
    case 'UNKNOWN_ORDER':
      return { kind: 'refused', reasonCode: 'UNEXPECTED_EVENT', message: 'no such order to cancel' };
    case 'REJECTED':
      return { kind: 'refused', reasonCode: 'UNEXPECTED_EVENT', message: 'the order was rejected; there is nothing to cancel' };
    case 'CANCELLED':
      return { kind: 'refused', reasonCode: 'UNEXPECTED_EVENT', message: 'the order is already cancelled' };
    case 'GOODS_MOVED':
      return { kind: 'refused', reasonCode: 'CANCELLATION_TOO_LATE', message: 'the goods have left: a cancellation is too late (after delivery, a return is the way)' };
  }
}
