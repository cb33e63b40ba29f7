// A platform's proof of price (CONTRACT 2.2, 4.2 rule 4), judged by proof-submission.rule:
// received, the review goes on past the proof, or is rejected for INSUFFICIENT_PROOF.
// A run of proofs is taken together: one locking read, one update.
import { Injectable } from '@nestjs/common';
import { INSPECTION_EVENTS, orderKey, PLATFORM_EVENTS, refusal, TOPICS } from '@cbec/contracts';
import { contentHashOf } from '@cbec/domain';
import { BatchContext, CloudEvent, contextOf, EventHandler, forEachEvent, orderRefOf } from '@cbec/messaging';
import { InspectionRow, lockInspections, updateInspections } from '../persistence/inspection-store';
import { ReviewProgression } from '../review/review-progression';
import { judgeProofSubmission } from './proof-submission.rule';

@Injectable()
export class ReceiveProofWhenSubmittedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.proofSubmitted;

  constructor(private readonly progression: ReviewProgression) {}

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const inspections = await lockInspections(context.manager, events.map((event) => orderRefOf(event)!));
    const changed = new Map<string, InspectionRow>();
    await forEachEvent(events, async (event) => {
      const ref = orderRefOf(event)!;
      const subject = orderKey(ref.platformId, ref.orderId);
      // The row is changed in place, so a later proof of the same order in the run sees the change.
      const inspection = inspections.get(subject) ?? null;
      const contentHash = contentHashOf(event.data);
      const submission = judgeProofSubmission(inspection, event.data, contentHash, subject);
      const log = context.log.child({ eventId: event.id, subject });
      if (submission.kind === 'already-received') return log.info('accepted proof re-sent with the same content; ignored');
      if (submission.kind === 'refused') {
        log.info({ reasonCode: submission.reasonCode, status: inspection?.status ?? null }, 'proof submission refused');
        return context.publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.requestRefused, subject, data: refusal(ref, event, submission), step: inspection?.step ?? 0, cause: event });
      }
      await this.progression.receiveProof(inspection!, submission, contentHash, contextOf(event, context));
      changed.set(subject, inspection!);
    });
    await updateInspections(context.manager, [...changed.values()]);
  }
}
