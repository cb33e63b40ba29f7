// What the outbound translator hands the events it applied to, in the order and the transaction it
// applied them: the clearance read model provides it (read-model/), so outbound/ need not know it.
import type { EntityManager } from 'typeorm';
import type { OrderRef } from '@cbec/contracts';
import type { CloudEvent } from '@cbec/messaging';

export const CLEARANCE_PROJECTION = Symbol('CLEARANCE_PROJECTION');

export interface ClearanceProjection {
  /** Applies each order's events, in the order given, in the caller's transaction. */
  applyAll(manager: EntityManager, changes: { ref: OrderRef; events: CloudEvent[] }[]): Promise<void>;
}
