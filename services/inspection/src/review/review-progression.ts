// Moves an order through its review: announces the next stage of its plan (or its rejection),
// sets and cancels the stage timers, and changes the review's status and step, which the caller
// saves in its transaction. Handlers and timers decide *when*; REVIEW_STAGES decides *what comes next*.
import { Inject, Injectable } from '@nestjs/common';
import { FieldError, INSPECTION_EVENTS, orderKey, rejection, RejectionReason, TOPICS } from '@cbec/contracts';
import type { HandlerContext } from '@cbec/messaging';
import { INSPECTION_CONFIG, InspectionConfig } from '../config';
import type { InspectionRow } from '../persistence/inspection-store';
import { enterStage, isProceedPlan, nextStage, ReviewStage, STAGE_TIMER_KINDS, timerOf } from './review-stages.rule';

type Progress = Pick<HandlerContext, 'publish' | 'timers'>;

@Injectable()
export class ReviewProgression {
  constructor(@Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig) {}

  /** Enters the stage of the plan that follows `passed` (null: the review has just started). */
  async advance(inspection: InspectionRow, passed: ReviewStage | null, step: number, { publish, timers }: Progress): Promise<void> {
    const subject = orderKey(inspection.platformId, inspection.orderId);
    const { plan } = inspection;
    if (!isProceedPlan(plan)) throw new Error(`order ${subject} was rejected at review and has no stages`);
    const passedTimer = passed && timerOf(passed);
    if (passedTimer) await timers.cancel(passedTimer, subject);

    const entry = enterStage(nextStage(plan, passed), { order: { ...inspection, plan }, now: new Date(), config: this.config });
    publish({ topic: TOPICS.inspectionEvents, type: entry.type, subject, data: entry.data, step });
    if (entry.timer) await timers.schedule(entry.timer.kind, entry.timer.dueAt, {}, subject);
    Object.assign(inspection, { status: entry.status, step });
  }

  async reject(inspection: InspectionRow, reasonCode: RejectionReason, details: FieldError[], step: number, { publish, timers }: Progress): Promise<void> {
    const subject = orderKey(inspection.platformId, inspection.orderId);
    for (const kind of STAGE_TIMER_KINDS) await timers.cancel(kind, subject);
    const ref = { platformId: inspection.platformId, orderId: inspection.orderId };
    publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.rejected, subject, data: rejection(ref, inspection.clearanceModel, reasonCode, details), step });
    Object.assign(inspection, { status: 'REJECTED', reasonCode, step });
  }
}
