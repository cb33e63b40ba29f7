// What a platform's return-requested meets in logistics (CONTRACT 7.3): the order as libs/domain's
// judgeReturnRequest sees it, where RELEASED (logistics' own status) shows as the status the
// platform knows; accepted, the return says which units come back, where to (return-address.rule)
// and by when.
import type { ClearanceModel, Declaration, ReturnAddress, ReturnedItem, ReturnRequestedData } from '@cbec/contracts';
import { judgeReturnRequest, Refused, ReturnableOrder } from '@cbec/domain';
import type { ShipmentStatus } from '../persistence/shipment.entity';
import { returnAddressFor } from './return-address.rule';

/** What the rule needs of the shipment. */
export interface ReturnableShipment {
  status: ShipmentStatus;
  clearanceModel: ClearanceModel;
  completedAt: Date | null;
  permitNumber: string | null;
  declaration: Declaration | null;
}

export type ReturnRequested =
  | { kind: 'already-accepted' }
  | Refused
  | { kind: 'accepted'; request: ReturnRequestedData; items: ReturnedItem[]; returnTo: ReturnAddress; returnBy: string };

export function judgeReturnRequested(shipment: ReturnableShipment | null, returns: ReturnableOrder['returns'], data: unknown, contentHash: string, now: Date, windowMs: number): ReturnRequested {
  const verdict = judgeReturnRequest(returnableOrderOf(shipment, returns), data, contentHash, now, windowMs);
  if (verdict.kind !== 'accepted') return verdict;
  const { request, returnBy } = verdict;
  const items = request.items.map(({ sku, quantity }) => ({ sku, quantity }));
  return { kind: 'accepted', request, items, returnTo: returnAddressFor(shipment!.declaration!), returnBy };
}

function returnableOrderOf(shipment: ReturnableShipment | null, returns: ReturnableOrder['returns']): ReturnableOrder | null {
  if (!shipment) return null;
  const status = shipment.status === 'RELEASED' ? (shipment.permitNumber ? 'PERMIT_ISSUED' : 'TAX_PAID') : shipment.status;
  return {
    status,
    clearanceModel: shipment.clearanceModel,
    completedAt: shipment.completedAt,
    items: shipment.declaration?.items ?? [],
    returns: returns.map(({ returnId, contentHash, items }) => ({ returnId, contentHash, items })),
  };
}
