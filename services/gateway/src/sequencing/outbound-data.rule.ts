// What the platform is told when an internal event is applied to an order (CONTRACT 2.3): the
// outbound events, their data and the order's next state, numbered by `sequence` with no gap.
import {
  ClearanceModel,
  ClearanceStatus,
  isFinalStatus,
  NOTICE_EVENTS,
  OUTBOUND_EVENTS,
  OutboundEventType,
  REFUSAL_EVENTS,
  RequestRefusedData,
  STATUS_EVENTS,
  STATUS_NOTICES,
} from '@cbec/contracts';
import type { CloudEvent } from '@cbec/messaging';

export interface OrderState {
  platformId: string;
  orderId: string;
  /** The status the platform was last told; RECEIVED before the first status event. */
  status: ClearanceStatus;
  clearanceModel: ClearanceModel | null;
  /** The step of the last status event applied. */
  step: number;
  /** The sequence of the last outbound event. */
  sequence: number;
}

export interface OutboundMessage {
  type: OutboundEventType;
  data: Record<string, unknown>;
}

export interface Applied {
  state: OrderState;
  messages: OutboundMessage[];
}

export type EventKind = 'status' | 'refusal' | 'notice';

/** Status event, refusal, notice (after-sale), or nothing the platform is told of (e.g. a tariff change). */
export function kindOf(type: string): EventKind | undefined {
  if (STATUS_EVENTS[type]) return 'status';
  if (REFUSAL_EVENTS[type]) return 'refusal';
  if (NOTICE_EVENTS[type]) return 'notice';
  return undefined;
}

export function initialState(ref: { platformId: string; orderId: string }): OrderState {
  return { ...ref, status: 'RECEIVED', clearanceModel: null, step: 0, sequence: 0 };
}

/** Applies a status event or a refusal that is due (see step-order.rule.ts). */
export function applyEvent(state: OrderState, event: CloudEvent): Applied {
  const kind = kindOf(event.type);
  if (kind === 'status') return applyStatusEvent(state, event);
  if (kind === 'notice') return applyNotice(state, event);
  return applyRefusal(state, event as CloudEvent<RequestRefusedData>);
}

interface StatusEventData {
  clearanceModel?: ClearanceModel | null;
  reasonCode?: string;
  notice?: Record<string, unknown>;
}

/** `status-changed`, then the notice that goes with the new status, if it has one. */
function applyStatusEvent(state: OrderState, event: CloudEvent): Applied {
  const data = (event.data ?? {}) as StatusEventData;
  const { status } = STATUS_EVENTS[event.type];
  // CANCELLED and RETURNED are last (CONTRACT 7): a late status event is kept from the platform,
  // and takes no sequence number. The services never emit one (docs/clearance.md, "The cancellation race").
  if (isFinalStatus(state.status)) return { state: { ...state, step: event.step ?? state.step + 1 }, messages: [] };
  const clearanceModel = data.clearanceModel ?? state.clearanceModel;
  const reasonCode = status === 'REJECTED' && data.reasonCode ? { reasonCode: data.reasonCode } : {};
  let sequence = state.sequence;
  const messages: OutboundMessage[] = [
    {
      type: OUTBOUND_EVENTS.statusChanged,
      data: { ...header(state, clearanceModel, status), previousStatus: state.status, ...reasonCode, at: event.time, sequence: ++sequence },
    },
  ];
  const notice = STATUS_NOTICES[status];
  if (notice) {
    messages.push({ type: notice, data: { ...header(state, clearanceModel, status), at: event.time, sequence: ++sequence, ...noticeFields(data.notice) } });
  }
  return { state: { ...state, status, clearanceModel, step: event.step ?? state.step + 1, sequence }, messages };
}

/** An after-sale notice (return-accepted, return-completed): the status is unchanged, the sequence moves on. */
function applyNotice(state: OrderState, event: CloudEvent): Applied {
  const data = (event.data ?? {}) as StatusEventData;
  const clearanceModel = data.clearanceModel ?? state.clearanceModel;
  const sequence = state.sequence + 1;
  const message = { type: NOTICE_EVENTS[event.type].notice, data: { ...header(state, clearanceModel, state.status), at: event.time, sequence, ...noticeFields(data.notice) } };
  return { state: { ...state, clearanceModel, sequence }, messages: [message] };
}

/** `request-refused`: the order's status is unchanged, only the sequence moves on. */
function applyRefusal(state: OrderState, event: CloudEvent<RequestRefusedData>): Applied {
  const data = event.data;
  const clearanceModel = (data as { clearanceModel?: ClearanceModel | null }).clearanceModel ?? state.clearanceModel;
  const sequence = state.sequence + 1;
  const refused = {
    ...header(state, clearanceModel, state.status),
    at: event.time,
    sequence,
    refusedEventId: data.refusedEventId,
    refusedType: data.refusedType,
    reasonCode: data.reasonCode,
    message: data.message,
    ...(data.details ? { details: data.details } : {}),
  };
  return { state: { ...state, clearanceModel, sequence }, messages: [{ type: OUTBOUND_EVENTS.requestRefused, data: refused }] };
}

function header(state: OrderState, clearanceModel: ClearanceModel | null, status: ClearanceStatus) {
  return { platformId: state.platformId, orderId: state.orderId, clearanceModel, status };
}

/** The fields every outbound event carries are the translator's; a notice cannot overwrite them. */
const HEADER_FIELDS = new Set(['platformId', 'orderId', 'clearanceModel', 'status', 'at', 'sequence']);

function noticeFields(notice: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(notice ?? {}).filter(([name]) => !HEADER_FIELDS.has(name)));
}
