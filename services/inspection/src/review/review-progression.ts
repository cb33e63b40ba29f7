// Moves an order through its review: announces the next stage of its plan (or its rejection),
// sets and cancels the stage timers, and changes the review's status and step, which the caller
// saves in its transaction. Handlers and timers decide *when*; REVIEW_STAGES decides *what comes next*.
import { Inject, Injectable } from '@nestjs/common';
import { DeclarationEventData, FieldError, INSPECTION_EVENTS, InventoryListDueData, orderKey, ProofReceivedData, rejection, RejectionReason, TOPICS } from '@cbec/contracts';
import type { HandlerContext } from '@cbec/messaging';
import { INSPECTION_CONFIG, InspectionConfig } from '../config';
import type { InspectionRow } from '../persistence/inspection-store';
import type { OpenedReview } from './open-review.rule';
import { enterStage, isProceedPlan, nextStage, ReviewStage, STAGE_TIMER_KINDS, timerOf } from './review-stages.rule';

type Progress = Pick<HandlerContext, 'publish' | 'timers' | 'log'>;

@Injectable()
export class ReviewProgression {
  constructor(@Inject(INSPECTION_CONFIG) private readonly config: InspectionConfig) {}

  /**
   * UNDER_REVIEW, then what the plan says: rejected, on to its first stage, or (where customs
   * decides) waiting for customs' receipts. The inventory list goes to customs when one is due.
   */
  async begin({ inspection, inventoryList }: OpenedReview, progress: Progress): Promise<void> {
    const { plan, declaration, step } = inspection;
    const subject = orderKey(inspection.platformId, inspection.orderId);
    const ref = { platformId: inspection.platformId, orderId: inspection.orderId, clearanceModel: inspection.clearanceModel, declaration };
    progress.publish<DeclarationEventData>({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.reviewStarted, subject, data: ref, step });
    if (!isProceedPlan(plan)) {
      progress.log.info({ subject, reasonCode: plan.reasonCode }, 'declaration rejected at review');
      return this.reject(inspection, plan.reasonCode, plan.details, step + 1, progress);
    }
    if (inventoryList) progress.publish<InventoryListDueData>({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.inventoryListDue, subject, data: { ...ref, ...inventoryList }, step });
    progress.log.info({ subject, quarantine: plan.quarantine, proofRequired: plan.proofRequired, heldForReview: plan.heldForReview, customsDecides: !!plan.customsDecides }, 'review started');
    if (!plan.customsDecides) await this.advance(inspection, null, step + 1, progress);
  }

  /** PROOF_SUBMITTED, then past the proof, or rejected for the kinds it misses (INSUFFICIENT_PROOF). */
  async receiveProof(inspection: InspectionRow, { documents, missing }: { documents: ProofReceivedData['documents']; missing: FieldError[] }, contentHash: string, progress: Progress): Promise<void> {
    const step = inspection.step + 1;
    const received: ProofReceivedData = { platformId: inspection.platformId, orderId: inspection.orderId, clearanceModel: inspection.clearanceModel, documents };
    progress.publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.proofReceived, subject: orderKey(inspection.platformId, inspection.orderId), data: received, step });
    Object.assign(inspection, { status: 'PROOF_SUBMITTED', proofHash: contentHash, step });
    if (missing.length === 0) await this.advance(inspection, 'PROOF', step + 1, progress);
    else await this.reject(inspection, 'INSUFFICIENT_PROOF', missing, step + 1, progress);
  }

  /** Enters the stage of the plan that follows `passed` (null: the review has just started). */
  async advance(inspection: InspectionRow, passed: ReviewStage | null, step: number, progress: Progress): Promise<void> {
    const subject = orderKey(inspection.platformId, inspection.orderId);
    const { plan } = inspection;
    if (!isProceedPlan(plan)) throw new Error(`order ${subject} was rejected at review and has no stages`);
    const passedTimer = passed && timerOf(passed);
    if (passedTimer) await progress.timers.cancel(passedTimer, subject);
    await this.enter(inspection, nextStage(plan, passed), step, progress);
  }

  /** Enters a stage: announces it and sets its timer. */
  async enter(inspection: InspectionRow, stage: ReviewStage, step: number, { publish, timers }: Progress): Promise<void> {
    const subject = orderKey(inspection.platformId, inspection.orderId);
    const { plan } = inspection;
    if (!isProceedPlan(plan)) throw new Error(`order ${subject} was rejected at review and has no stages`);
    const entry = enterStage(stage, { order: { ...inspection, plan }, now: new Date(), config: this.config });
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
