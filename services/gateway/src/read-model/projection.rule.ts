// The clearance view of an order as its events make it (CONTRACT 5): status events (STATUS_EVENTS)
// applied in step order by the outbound translator, refusals, after-sale notices (NOTICE_EVENTS:
// returns), the platform's own inbound events, and customs' receipts (customs.rule.ts).
// Idempotent by event id. Every field is either set by the status events in step order or
// combined so that the arrival order of the others does not matter (earliest createdAt, latest
// updatedAt, customs from the receipts alone), so a rebuild from the topics gives the same view.
import {
  CancellationNotice,
  CLEARANCE_MODELS,
  ClearanceModel,
  ClearanceStatus,
  CUSTOMS_RECEIPT_CODES,
  CUSTOMS_RECEIPT_CODES_OF_NOTICES,
  INBOUND_EVENT_TYPES,
  isFinalStatus,
  LOGISTICS_EVENTS,
  NOTICE_EVENTS,
  OUTBOUND_EVENTS,
  PLATFORM_EVENTS,
  REFUSAL_EVENTS,
  ReturnAcceptedNotice,
  ReturnCompletedNotice,
  SINGLE_WINDOW_EVENTS,
  STATUS_EVENTS,
  TaxAssessmentNotice,
} from '@cbec/contracts';
import type { CloudEvent } from '@cbec/messaging';
import { ClearanceRecord, ClearanceView, DeliveryDetails, PickupDetails, ReturnDetails, TimelineKind, TimelineRecord } from './clearance-record';
import { CUSTOMS_RECEIPT_ENTRY, customsCodeOf, receiptDetailsOf, withCustoms } from './customs.rule';
import { particularsAfter } from './particulars.rule';

/** Which events the projection reads; anything else leaves a record as it is. */
export function timelineKindOf(type: string): TimelineKind | undefined {
  if (STATUS_EVENTS[type]) return 'status';
  if (REFUSAL_EVENTS[type]) return 'refusal';
  if (NOTICE_EVENTS[type]) return 'notice';
  if (INBOUND_EVENT_TYPES.includes(type)) return 'platform';
  if (type === SINGLE_WINDOW_EVENTS.receiptRecorded) return 'receipt';
  return undefined;
}

export function project(record: ClearanceRecord, event: CloudEvent): ClearanceRecord {
  const kind = timelineKindOf(event.type);
  if (!kind || record.timeline.some((entry) => entry.eventId === event.id)) return record;
  // CANCELLED and RETURNED are last: as the translator tells the platform nothing after them, the view shows nothing either.
  if (kind === 'status' && record.view && isFinalStatus(record.view.status)) return record;
  const data = (event.data ?? {}) as EventData;
  const at = kind === 'receipt' ? customsTimeOf(data, event, record) : timeOf(event, record);
  const entry = timelineEntryOf(event, kind, at, data);
  const timeline = [...record.timeline, entry];
  const view =
    kind === 'status' ? applyStatus(record, entry.status!, at, event.type, data)
    : kind === 'notice' ? applyNotice(record, event.type, at, data)
    : event.type === PLATFORM_EVENTS.orderPlaced ? applyOrderPlaced(record, at, data)
    : record.view;
  // A receipt about an order not known yet waits in the timeline until the view is made.
  const changed = view !== null && (view !== record.view || kind === 'receipt');
  return { ref: record.ref, view: changed ? withCustoms(view, timeline) : view, timeline };
}

/**
 * A corrected order accepted over REST after an intake rejection starts afresh at RECEIVED at
 * once (CONTRACT 5: visible to GET at once), before the order service has judged it again.
 */
export function restartCorrectedOrder(record: ClearanceRecord, orderPlaced: CloudEvent): ClearanceRecord {
  const projected = project(record, orderPlaced);
  const view = projected.view!;
  const data = (orderPlaced.data ?? {}) as EventData;
  return {
    ...projected,
    view: { ...view, status: 'RECEIVED', reasonCode: null, clearanceModel: validModelOf(data.clearanceModel) ?? view.clearanceModel, declarationNumber: null, taxAssessment: null, permitNumber: null, pickup: null, delivery: null, particulars: null },
  };
}

interface EventData {
  clearanceModel?: unknown;
  /** A receipt's: when customs wrote it. */
  at?: unknown;
  reasonCode?: unknown;
  notice?: Record<string, unknown>;
  declaration?: { declarationNumber?: unknown };
  permitNumber?: unknown;
}

function timelineEntryOf(event: CloudEvent, kind: TimelineKind, at: string, data: EventData): TimelineRecord {
  const base = { eventId: event.id, kind, type: event.type, at, causationId: event.causationid ?? null, step: typeof event.step === 'number' ? event.step : null, receipt: null };
  if (kind === 'status') {
    const { status, service } = STATUS_EVENTS[event.type];
    const reasonCode = status === 'REJECTED' ? textOf(data.reasonCode) : null;
    return { ...base, status, service, customsCode: CUSTOMS_RECEIPT_CODES[status] ?? null, reasonCode };
  }
  if (kind === 'refusal') return { ...base, status: null, service: REFUSAL_EVENTS[event.type], customsCode: null, reasonCode: textOf(data.reasonCode) };
  if (kind === 'notice') {
    const { notice, service } = NOTICE_EVENTS[event.type];
    return { ...base, status: null, service, customsCode: CUSTOMS_RECEIPT_CODES_OF_NOTICES[notice] ?? null, reasonCode: null };
  }
  if (kind === 'receipt') {
    // Placed by customs' time among the entries, not by a step (timeline-order.rule.ts).
    const receipt = receiptDetailsOf(data);
    return { ...base, type: CUSTOMS_RECEIPT_ENTRY, step: null, causationId: null, status: null, service: 'single-window', customsCode: customsCodeOf(receipt.returnStatus), reasonCode: null, receipt };
  }
  // The platform's events carry no step; their place comes from what they caused.
  const status: ClearanceStatus | null = event.type === PLATFORM_EVENTS.orderPlaced ? 'RECEIVED' : null;
  return { ...base, step: null, causationId: null, status, service: 'gateway', customsCode: null, reasonCode: null };
}

function applyStatus(record: ClearanceRecord, status: ClearanceStatus, at: string, type: string, data: EventData): ClearanceView {
  const view = touched(record.view ?? newView(record, at, null), at);
  const notice = noticeOf(data);
  return {
    ...view,
    status,
    clearanceModel: validModelOf(data.clearanceModel) ?? view.clearanceModel,
    // Only REJECTED has a reason; a corrected order that moves on leaves its old one behind.
    reasonCode: status === 'REJECTED' ? (textOf(data.reasonCode) ?? view.reasonCode) : null,
    declarationNumber: textOf(data.declaration?.declarationNumber) ?? view.declarationNumber,
    permitNumber: textOf(data.permitNumber) ?? view.permitNumber,
    taxAssessment: status === 'TAX_ASSESSED' ? (notice as unknown as TaxAssessmentNotice) : view.taxAssessment,
    pickup: status === 'READY_FOR_PICKUP' ? (notice as unknown as PickupDetails) : view.pickup,
    delivery: status === 'OUT_FOR_DELIVERY' ? (notice as unknown as DeliveryDetails) : view.delivery,
    particulars: particularsAfter(view.particulars, type, data as Parameters<typeof particularsAfter>[2]),
  };
}

/** A cancellation's confirmation is the view's cancellation; a return accepted joins its returns; a return completed gets its refund. */
function applyNotice(record: ClearanceRecord, type: string, at: string, data: EventData): ClearanceView {
  const view = touched(record.view ?? newView(record, at, null), at);
  const returns = view.returns ?? [];
  const notice = noticeOf(data);
  if (NOTICE_EVENTS[type].notice === OUTBOUND_EVENTS.cancelled) return { ...view, cancellation: notice as unknown as CancellationNotice };
  if (type === LOGISTICS_EVENTS.returnAccepted) {
    const { returnId, items, returnTo, returnBy } = notice as unknown as ReturnAcceptedNotice;
    const accepted: ReturnDetails = { returnId, items, status: 'ACCEPTED', returnTo, returnBy };
    return { ...view, returns: [...returns.filter((known) => known.returnId !== returnId), accepted] };
  }
  return { ...view, returns: completeReturn(returns, notice as unknown as ReturnCompletedNotice) };
}

function completeReturn(returns: ReturnDetails[], completed: ReturnCompletedNotice): ReturnDetails[] {
  return returns.map((known) => (known.returnId === completed.returnId ? { ...known, status: 'COMPLETED', refund: completed.refund } : known));
}

/** Makes the order known at RECEIVED; an order already known keeps its status. */
function applyOrderPlaced(record: ClearanceRecord, at: string, data: EventData): ClearanceView {
  if (!record.view) return newView(record, at, validModelOf(data.clearanceModel));
  const view = touched(record.view, at);
  return { ...view, clearanceModel: view.clearanceModel ?? validModelOf(data.clearanceModel) };
}

function newView(record: ClearanceRecord, at: string, clearanceModel: ClearanceModel | null): ClearanceView {
  return {
    ...record.ref,
    clearanceModel,
    status: 'RECEIVED',
    reasonCode: null,
    declarationNumber: null,
    taxAssessment: null,
    permitNumber: null,
    pickup: null,
    delivery: null,
    particulars: null,
    createdAt: at,
    updatedAt: at,
  };
}

/** Earliest and latest, so the result does not depend on which event came first. */
function touched(view: ClearanceView, at: string): ClearanceView {
  return { ...view, createdAt: at < view.createdAt ? at : view.createdAt, updatedAt: at > view.updatedAt ? at : view.updatedAt };
}

/** The fields every outbound event carries are not part of a notice's data. */
const HEADER_FIELDS = new Set(['platformId', 'orderId', 'clearanceModel', 'status', 'at', 'sequence']);

function noticeOf(data: EventData): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data.notice ?? {}).filter(([name]) => !HEADER_FIELDS.has(name)));
}

function validModelOf(value: unknown): ClearanceModel | null {
  return CLEARANCE_MODELS.includes(value as ClearanceModel) ? (value as ClearanceModel) : null;
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** When customs wrote a receipt (its data's `at`), else when the event was published. */
function customsTimeOf(data: EventData, event: CloudEvent, record: ClearanceRecord): string {
  const parsed = typeof data.at === 'string' ? Date.parse(data.at) : NaN;
  return Number.isNaN(parsed) ? timeOf(event, record) : new Date(parsed).toISOString();
}

/**
 * The event's time in UTC with milliseconds (what timestamptz and the list cursor keep). A
 * platform's unreadable time falls back to the latest time the record knows, never to the clock,
 * so a rebuild gives the same answer.
 */
function timeOf(event: CloudEvent, record: ClearanceRecord): string {
  const parsed = Date.parse(event.time);
  if (!Number.isNaN(parsed)) return new Date(parsed).toISOString();
  const known = [record.view?.updatedAt, ...record.timeline.map((entry) => entry.at)].filter((at): at is string => !!at).sort();
  return known.at(-1) ?? new Date(0).toISOString();
}
