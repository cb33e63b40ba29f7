// The clearance view as the API shows it: optional fields left out when empty (returns shown
// empty), the timeline in
// order (timeline-order.rule.ts) with only what the contract shows of each entry.
import type { ClearanceView, TimelineRecord } from '../read-model/clearance-record';
import { arrangeTimeline } from '../read-model/timeline-order.rule';
import type { ClearanceViewBody, TimelineEntryBody } from './clearance-view.dto';

export function presentClearance(view: ClearanceView, timeline: TimelineRecord[]): ClearanceViewBody {
  const { platformId, orderId, clearanceModel, status, reasonCode, declarationNumber, taxAssessment, permitNumber, pickup, delivery, cancellation, customs } = view;
  return {
    platformId,
    orderId,
    clearanceModel,
    status,
    ...present({ reasonCode, declarationNumber, taxAssessment, permitNumber, pickup, delivery, cancellation }),
    returns: view.returns ?? [],
    ...present({ customs }),
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    timeline: arrangeTimeline(timeline).map(presentEntry),
  } as ClearanceViewBody;
}

function presentEntry(entry: TimelineRecord): TimelineEntryBody {
  const { type, status, at, service, customsCode, reasonCode, receipt } = entry;
  return { type, ...present({ status }), at, service, ...present({ customsCode, reasonCode, messageType: receipt?.messageType, returnInfo: receipt?.returnInfo }) } as TimelineEntryBody;
}

function present<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined)) as Partial<T>;
}
