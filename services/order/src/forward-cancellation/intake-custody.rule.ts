// How intake stands to an order when a cancellation comes (CONTRACT 7.2): intake confirms or
// rejects an order in one step, so it never holds one. A confirmed order went on to the
// declaration; one rejected at intake, or never placed, cannot be cancelled.
import type { Custody } from '@cbec/domain';
import type { IntakeOutcome } from '../persistence/order.entity';

export function intakeCustodyOf(order: { outcome: IntakeOutcome } | null): Custody {
  if (!order) return { kind: 'ENDED', because: 'UNKNOWN_ORDER' };
  if (order.outcome === 'REJECTED') return { kind: 'ENDED', because: 'REJECTED' };
  return { kind: 'HANDED_ON', to: 'declaration' };
}
