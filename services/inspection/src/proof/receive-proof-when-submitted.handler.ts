// A platform's proof of price (CONTRACT 2.2, 4.2 rule 4), judged by proof-submission.rule:
// received, the review goes on past the proof, or is rejected for INSUFFICIENT_PROOF.
// A run of proofs is taken together: one locking read, one update.
import { Injectable } from '@nestjs/common';
import { INSPECTION_EVENTS, orderKey, PLATFORM_EVENTS, ProofReceivedData, refusal, TOPICS } from '@cbec/contracts';
import { contentHashOf } from '@cbec/domain';
import { BatchContext, batchOf, CloudEvent, contextOf, EventHandler, forEachEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { InspectionRow, lockInspections, updateInspections } from '../persistence/inspection-store';
import { ReviewProgression } from '../review/review-progression';
import { judgeProofSubmission } from './proof-submission.rule';

@Injectable()
export class ReceiveProofWhenSubmittedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.proofSubmitted;

  constructor(private readonly progression: ReviewProgression) {}

  handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    return this.handleAll([event], batchOf(context));
  }

  async handleAll(events: CloudEvent[], context: BatchContext): Promise<void> {
    const inspections = await lockInspections(context.manager, events.map((event) => orderRefOf(event)!));
    const changed = new Map<string, InspectionRow>();
    await forEachEvent(events, async (event) => {
      const ref = orderRefOf(event)!;
      const key = orderKey(ref.platformId, ref.orderId);
      const inspection = inspections.get(key) ?? null;
      // The row is changed in place, so a later proof of the same order in the run sees the change.
      if (await this.receive(event, inspection, contextOf(event, context))) changed.set(key, inspection!);
    });
    await updateInspections(context.manager, [...changed.values()]);
  }

  /** Whether the proof changed the review. */
  private async receive(event: CloudEvent, inspection: InspectionRow | null, context: HandlerContext): Promise<boolean> {
    const { publish } = context;
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const log = context.log.child({ eventId: event.id, subject });
    const contentHash = contentHashOf(event.data);
    const submission = judgeProofSubmission(inspection, event.data, contentHash, subject);
    if (submission.kind === 'already-received') {
      log.info('accepted proof re-sent with the same content; ignored');
      return false;
    }
    if (submission.kind === 'refused') {
      log.info({ reasonCode: submission.reasonCode, status: inspection?.status ?? null }, 'proof submission refused');
      publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.requestRefused, subject, data: refusal(ref, event, submission), step: inspection?.step ?? 0 });
      return false;
    }

    const step = inspection!.step + 1;
    const received: ProofReceivedData = { ...ref, clearanceModel: inspection!.clearanceModel, documents: submission.documents };
    publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.proofReceived, subject, data: received, step });
    Object.assign(inspection!, { status: 'PROOF_SUBMITTED', proofHash: contentHash, step });
    if (submission.missing.length === 0) await this.progression.advance(inspection!, 'PROOF', step + 1, context);
    else await this.progression.reject(inspection!, 'INSUFFICIENT_PROOF', submission.missing, step + 1, context);
    return true;
  }
}
