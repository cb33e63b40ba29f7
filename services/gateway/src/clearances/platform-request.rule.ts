// The body of POST /v1/clearances/{platformId}/{orderId}/proofs|payments|receipt|cancellation|returns
// and .../returns/{returnId}/arrival: the data of the inbound event it becomes (CONTRACT 2.2, 7),
// with platformId, orderId (and returnId) from the path (a body may leave them out; when it has
// them they must be the path's), checked by the contract's class.
import {
  CancelRequestedData,
  FieldError,
  GoodsReceivedData,
  OrderRef,
  PLATFORM_EVENTS,
  ProofSubmittedData,
  ReturnReceivedData,
  ReturnRequestedData,
  TaxPaidData,
  validatePayload,
} from '@cbec/contracts';

export const PLATFORM_REQUESTS = {
  proofs: { type: PLATFORM_EVENTS.proofSubmitted, payload: ProofSubmittedData },
  payments: { type: PLATFORM_EVENTS.taxPaid, payload: TaxPaidData },
  receipt: { type: PLATFORM_EVENTS.goodsReceived, payload: GoodsReceivedData },
  cancellation: { type: PLATFORM_EVENTS.cancelRequested, payload: CancelRequestedData },
  returns: { type: PLATFORM_EVENTS.returnRequested, payload: ReturnRequestedData },
  arrival: { type: PLATFORM_EVENTS.returnReceived, payload: ReturnReceivedData },
} as const;

export type PlatformRequest = keyof typeof PLATFORM_REQUESTS;

/** The path's identifiers: the order's, and for a return's arrival its returnId. */
export type RequestPath = OrderRef & { returnId?: string };

export function requestDataOf(request: PlatformRequest, path: RequestPath, body: unknown): { data: Record<string, unknown>; errors: [] } | { data?: undefined; errors: FieldError[] } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { errors: [{ message: 'the body must be a JSON object' }] };
  const given = body as Record<string, unknown>;
  const fromPath = Object.entries(path).filter(([, value]) => value !== undefined) as [keyof RequestPath, string][];
  const mismatches = fromPath.filter(([field, value]) => given[field] !== undefined && given[field] !== value).map(([field, value]) => ({ field, message: `${field} must be the path's (${value}) or left out` }));
  if (mismatches.length > 0) return { errors: mismatches };
  const data = { ...given, ...Object.fromEntries(fromPath) };
  const { errors } = validatePayload(PLATFORM_REQUESTS[request].payload as new () => object, data);
  return errors.length > 0 ? { errors } : { data, errors: [] };
}
