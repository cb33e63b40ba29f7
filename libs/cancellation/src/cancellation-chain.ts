// The cancellation chain (CONTRACT 7.2; README "The cancellation race"): a platform's
// cancel-requested follows its order from service to service until it reaches the one that holds
// the order, which alone answers it. Each service plays the same part: lock its state of the
// order, judge (judgeCancellation), and then pass the request on, ignore a re-send, refuse, or
// cancel. Only the cancelling itself differs per service; it is the holder's `cancel`.
import {
  CANCELLATION_FORWARDS,
  CancellationForwardedData,
  CancellationNotice,
  CancelRequestedData,
  ClearanceModel,
  ForwardedRequest,
  NOTICE_EVENTS,
  OrderCancelledData,
  OUTBOUND_EVENTS,
  OrderRef,
  orderKey,
  REFUSAL_EVENTS,
  refusal,
  serviceEventsTopic,
  ServiceName,
  STATUS_EVENTS,
} from '@cbec/contracts';
import { contentHashOf, Custody, judgeCancellation } from '@cbec/domain';
import { CloudEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import type { EntityManager } from 'typeorm';

/** How a service stands to an order, read (and locked) in the handler's transaction. */
export interface Standing {
  custody: Custody;
  /** The content hash of the cancellation this service accepted, if it cancelled the order. */
  acceptedHash: string | null;
  clearanceModel: ClearanceModel | null;
  /** The step of the order's last status event this service emitted (refusals refer to it). */
  step: number;
}

export interface AcceptedCancellation {
  request: CancelRequestedData;
  contentHash: string;
  /** The platform's own event: the cause of the answer, so the timeline ties the two. */
  cause: CloudEvent;
  standing: Standing;
}

export interface CancellationHolder {
  readonly service: ServiceName;
  standing(manager: EntityManager, ref: OrderRef): Promise<Standing>;
  /** Ends the held order: its state, its timers, the quota; then `cancelled` (see publishCancelled). */
  cancel(accepted: AcceptedCancellation, context: HandlerContext): Promise<void>;
}

/** The request a cancel-requested event is, as it travels. */
export function forwardedRequestOf(event: CloudEvent): ForwardedRequest {
  return { eventId: event.id, type: event.type, time: event.time, correlationId: event.correlationid ?? event.id, data: event.data };
}

/** Decides a request passed on to the holder's service; one passed on to another service is not its to decide. */
export async function decideForwardedCancellation(holder: CancellationHolder, event: CloudEvent<CancellationForwardedData>, context: HandlerContext): Promise<void> {
  if (event.data.to !== holder.service) return;
  await decideCancellation(holder, orderRefOf(event)!, event.data.request, context);
}

/** Decides, in the handler's transaction, what `holder` does with a request that reached it. */
export async function decideCancellation(holder: CancellationHolder, ref: OrderRef, request: ForwardedRequest, context: HandlerContext): Promise<void> {
  const { manager, publish, log } = context;
  const standing = await holder.standing(manager, ref);
  const contentHash = contentHashOf(request.data);
  const verdict = judgeCancellation(standing.custody, request.data, contentHash, standing.acceptedHash);
  const subject = orderKey(ref.platformId, ref.orderId);
  const cause = causeOf(request, subject);

  switch (verdict.kind) {
    case 'forward': {
      const forwarded: CancellationForwardedData = { ...ref, clearanceModel: standing.clearanceModel, to: verdict.to, request };
      publish({ topic: serviceEventsTopic(holder.service), type: forwardTypeOf(holder.service), subject, data: forwarded, cause });
      return log.info({ to: verdict.to, requestId: request.eventId }, 'cancellation passed on to the service that has the order');
    }
    case 'already-accepted':
      return log.info({ requestId: request.eventId }, 'accepted cancellation re-sent; nothing changes');
    case 'refused': {
      const refused = refusal(ref, { id: request.eventId, type: request.type }, verdict, standing.clearanceModel);
      publish({ topic: serviceEventsTopic(holder.service), type: refusalTypeOf(holder.service), subject, data: refused, step: standing.step, cause });
      return log.info({ reasonCode: verdict.reasonCode, requestId: request.eventId }, 'cancellation refused');
    }
    case 'accepted':
      await holder.cancel({ request: verdict.request, contentHash, cause, standing }, context);
      return log.info({ requestId: request.eventId, step: standing.step + 1 }, 'order cancelled');
  }
}

/**
 * The holder's order-cancelled, the order's last status, at the step after the holder's last one,
 * and its cancellation-confirmed (the platform's cancelled.v1) at the same step, right after it.
 */
export function publishCancelled(holder: CancellationHolder, ref: OrderRef, accepted: AcceptedCancellation, refund: CancellationNotice['refund'], { publish }: HandlerContext): CancellationNotice {
  const notice: CancellationNotice = { reason: accepted.request.reason, cancelledAt: new Date().toISOString(), ...(refund ? { refund } : {}) };
  const data: OrderCancelledData = { ...ref, clearanceModel: accepted.standing.clearanceModel, notice: { ...notice } };
  const event = { topic: serviceEventsTopic(holder.service), subject: orderKey(ref.platformId, ref.orderId), data, step: accepted.standing.step + 1, cause: accepted.cause };
  publish({ ...event, type: cancelledTypeOf(holder.service) });
  publish({ ...event, type: confirmationTypeOf(holder.service) });
  return notice;
}

/** The platform's event, enough of it to be the cause (causationid, correlationid) of the answer. */
function causeOf(request: ForwardedRequest, subject: string): CloudEvent {
  return { id: request.eventId, correlationid: request.correlationId ?? request.eventId, subject } as CloudEvent;
}

function forwardTypeOf(service: ServiceName): string {
  const type = CANCELLATION_FORWARDS[service];
  if (!type) throw new Error(`${service} does not pass cancellations on`);
  return type;
}

function refusalTypeOf(service: ServiceName): string {
  const type = Object.entries(REFUSAL_EVENTS).find(([, by]) => by === service)?.[0];
  if (!type) throw new Error(`${service} has no request-refused event`);
  return type;
}

function confirmationTypeOf(service: ServiceName): string {
  const type = Object.entries(NOTICE_EVENTS).find(([, { notice, service: by }]) => notice === OUTBOUND_EVENTS.cancelled && by === service)?.[0];
  if (!type) throw new Error(`${service} has no cancellation-confirmed event`);
  return type;
}

function cancelledTypeOf(service: ServiceName): string {
  const type = Object.entries(STATUS_EVENTS).find(([, { status, service: by }]) => status === 'CANCELLED' && by === service)?.[0];
  if (!type) throw new Error(`${service} has no order-cancelled event`);
  return type;
}
