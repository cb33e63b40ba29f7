// What a POST /v1/orders means for an order the gateway may already know (CONTRACT 2 and 5):
// the same content again changes nothing; different content conflicts, unless intake rejected
// the order, in which case the corrected order starts afresh. The gateway remembers what it
// accepted over REST; an order it knows only from Kafka has content it never kept, so it
// forwards the order and lets the order service judge it (a conflict is refused later with
// request-refused, as the contract allows).
import { ClearanceStatus, INTAKE_REJECTIONS, RejectionReason } from '@cbec/contracts';

export type Placement = 'new' | 'same-content' | 'conflict' | 'corrected' | 'forward';

export interface KnownOrder {
  /** The content hash of the order last accepted over REST, if any. */
  acceptedHash: string | null;
  /** The order's view, if the gateway has one. */
  view: { status: ClearanceStatus; reasonCode: string | null } | null;
}

export function judgePlacement({ acceptedHash, view }: KnownOrder, contentHash: string): Placement {
  if (acceptedHash === contentHash) return 'same-content';
  if (!acceptedHash && !view) return 'new';
  if (!acceptedHash) return 'forward';
  if (view && rejectedAtIntake(view)) return 'corrected';
  return 'conflict';
}

function rejectedAtIntake(view: { status: ClearanceStatus; reasonCode: string | null }): boolean {
  return view.status === 'REJECTED' && INTAKE_REJECTIONS.includes(view.reasonCode as RejectionReason);
}

/**
 * A hash of the content that ignores key order, so a re-serialized order is still the same
 * order: the order service's (libs/domain contentHashOf), so both judge alike.
 */
export { contentHashOf } from '@cbec/domain';
