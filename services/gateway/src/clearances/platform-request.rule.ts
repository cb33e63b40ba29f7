// The body of POST /v1/clearances/{platformId}/{orderId}/proofs|payments|receipt: the data of the
// inbound event it becomes (CONTRACT 2.2), with platformId and orderId from the path (a body may
// leave them out; when it has them they must be the path's), checked by the contract's class.
import { FieldError, GoodsReceivedData, OrderRef, PLATFORM_EVENTS, ProofSubmittedData, TaxPaidData, validatePayload } from '@cbec/contracts';

export const PLATFORM_REQUESTS = {
  proofs: { type: PLATFORM_EVENTS.proofSubmitted, payload: ProofSubmittedData },
  payments: { type: PLATFORM_EVENTS.taxPaid, payload: TaxPaidData },
  receipt: { type: PLATFORM_EVENTS.goodsReceived, payload: GoodsReceivedData },
} as const;

export type PlatformRequest = keyof typeof PLATFORM_REQUESTS;

export function requestDataOf(request: PlatformRequest, ref: OrderRef, body: unknown): { data: Record<string, unknown>; errors: [] } | { data?: undefined; errors: FieldError[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { errors: [{ message: 'the body must be a JSON object' }] };
  const given = body as Record<string, unknown>;
  const mismatches = (['platformId', 'orderId'] as const)
    .filter((field) => given[field] !== undefined && given[field] !== ref[field])
    .map((field) => ({ field, message: `${field} must be the path's (${ref[field]}) or left out` }));
  if (mismatches.length > 0) return { errors: mismatches };
  const data = { ...given, platformId: ref.platformId, orderId: ref.orderId };
  const { errors } = validatePayload(PLATFORM_REQUESTS[request].payload as new () => object, data);
  return errors.length > 0 ? { errors } : { data, errors: [] };
}
