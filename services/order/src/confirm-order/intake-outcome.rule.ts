// What an order-placed comes to at intake (CONTRACT 2): the same content again changes nothing; a
// conflicting re-send is refused while the first order goes on; else the order is confirmed or
// rejected (judgeOrderIntake), and intake keeps a row of it that later re-sends are judged against.
import { ClearanceModel, FieldError, nextStep, ORDER_EVENTS, OrderConfirmedData, OrderRef, refusal, RejectionReason, rejection, TOPICS } from '@cbec/contracts';
import { contentHashOf, judgeOrderIntake } from '@cbec/domain';
import { CloudEvent, Decided, storableJson } from '@cbec/messaging';
import type { IntakeRow, KnownIntake } from '../persistence/intake-order-store';
import { judgeResubmission } from './resubmission.rule';

export type IntakeOutcome = Decided<IntakeRow> &
  (
    | { kind: 'same-content' | 'conflict' }
    | { kind: 'confirmed'; state: IntakeRow; corrected: boolean }
    | { kind: 'rejected'; state: IntakeRow; reasonCode: RejectionReason; details: FieldError[] }
  );

/** The order's outcome at intake, given the row intake has of it (undefined: a first order-placed). */
export function intakeOutcomeOf(event: CloudEvent, ref: OrderRef, subject: string, existing: KnownIntake | undefined): IntakeOutcome {
  const contentHash = contentHashOf(event.data);
  const resubmission = judgeResubmission(existing ?? null, contentHash);
  if (resubmission === 'same-content') return { kind: 'same-content' };
  if (resubmission === 'conflict') {
    const message = `order ${subject} was already accepted with different content; the first order goes on`;
    return { kind: 'conflict', publish: [{ topic: TOPICS.orderEvents, type: ORDER_EVENTS.requestRefused, subject, data: refusal(ref, event, { reasonCode: 'ORDER_CONFLICT', message }), step: existing!.step }] };
  }

  const verdict = judgeOrderIntake(event.data);
  const step = nextStep(existing ?? {});
  const clearanceModel = verdict.ok ? verdict.order.clearanceModel : validModelOf(event.data);
  // As sent; a rejected order's text may hold what jsonb cannot, kept escaped.
  const state: IntakeRow = { ...ref, outcome: verdict.ok ? 'CONFIRMED' : 'REJECTED', clearanceModel, reasonCode: verdict.ok ? null : verdict.reasonCode, details: verdict.ok ? [] : verdict.details, contentHash, data: storableJson(event.data), step, eventId: event.id };
  if (verdict.ok) {
    const confirmed: OrderConfirmedData = { ...ref, clearanceModel: verdict.order.clearanceModel, order: verdict.order };
    return { kind: 'confirmed', state, corrected: resubmission === 'corrected', publish: [{ topic: TOPICS.orderEvents, type: ORDER_EVENTS.orderConfirmed, subject, data: confirmed, step }] };
  }
  const { reasonCode, details } = verdict;
  return { kind: 'rejected', state, reasonCode, details, publish: [{ topic: TOPICS.orderEvents, type: ORDER_EVENTS.orderRejected, subject, data: rejection(ref, clearanceModel, reasonCode, details), step }] };
}

function validModelOf(data: unknown): ClearanceModel | null {
  const model = (data as { clearanceModel?: unknown })?.clearanceModel;
  return model === 'DIRECT_MAIL' || model === 'GENERAL_TRADE' || model === 'BONDED_ZONE' ? model : null;
}
