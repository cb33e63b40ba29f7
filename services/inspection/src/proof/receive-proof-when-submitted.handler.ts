// A platform's proof of price (CONTRACT 2.2, 4.2 rule 4): the state first (is a proof awaited?),
// then the content, then the proof judged alone: every requested kind, or INSUFFICIENT_PROOF.
// A run of proofs is taken together: one locking read, one update.
import { Injectable } from '@nestjs/common';
import { FieldError, INSPECTION_EVENTS, orderKey, PLATFORM_EVENTS, ProofReceivedData, ProofSubmittedData, RefusalReason, refusal, TOPICS, validatePayload } from '@cbec/contracts';
import { contentHashOf, judgeProof } from '@cbec/domain';
import { BatchContext, batchOf, CloudEvent, contextOf, EventHandler, forEachEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { InspectionRow, lockInspections, updateInspections } from '../persistence/inspection-store';
import { ReviewProgression } from '../review/review-progression';
import { isProceedPlan } from '../review/review-stages.rule';

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
    const refuse = (reasonCode: RefusalReason, message: string, details?: FieldError[]) => {
      log.info({ reasonCode, status: inspection?.status ?? null }, 'proof submission refused');
      publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.requestRefused, subject, data: refusal(ref, event, { reasonCode, message, details }), step: inspection?.step ?? 0 });
      return false;
    };

    if (inspection?.proofHash === contentHash) {
      log.info('accepted proof re-sent with the same content; ignored');
      return false;
    }
    if (inspection?.status !== 'PROOF_REQUESTED' || !isProceedPlan(inspection.plan)) {
      return refuse('UNEXPECTED_EVENT', `no proof of price is awaited for order ${subject}${inspection ? ` (status ${inspection.status})` : ''}`);
    }
    const { value, errors } = validatePayload(ProofSubmittedData, event.data);
    if (!value) return refuse('INVALID_REQUEST', 'the proof submission is invalid', errors);

    const step = inspection.step + 1;
    const documents = value.documents.map(({ kind, fileName, sha256 }) => ({ kind, fileName, sha256 }));
    const received: ProofReceivedData = { ...ref, clearanceModel: inspection.clearanceModel, documents };
    publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.proofReceived, subject, data: received, step });
    Object.assign(inspection, { status: 'PROOF_SUBMITTED', proofHash: contentHash, step });

    const judgement = judgeProof(inspection.plan.proofRequired, documents.map((document) => document.kind));
    if (judgement.ok) await this.progression.advance(inspection, 'PROOF', step + 1, context);
    else await this.progression.reject(inspection, 'INSUFFICIENT_PROOF', judgement.missing.map((kind) => ({ field: 'documents', message: `the requested ${kind} is missing` })), step + 1, context);
    return true;
  }
}
