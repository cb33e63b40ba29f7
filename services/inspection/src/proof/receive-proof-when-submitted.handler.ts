// A platform's proof of price (CONTRACT 2.2, 4.2 rule 4): the state first (is a proof awaited?),
// then the content, then the proof judged alone: every requested kind, or INSUFFICIENT_PROOF.
import { Injectable } from '@nestjs/common';
import { FieldError, INSPECTION_EVENTS, orderKey, PLATFORM_EVENTS, ProofReceivedData, ProofSubmittedData, RefusalReason, RequestRefusedData, TOPICS, validatePayload } from '@cbec/contracts';
import { contentHashOf, judgeProof } from '@cbec/domain';
import { CloudEvent, EventHandler, HandlerContext, orderRefOf } from '@cbec/messaging';
import { lockInspection } from '../persistence/inspection.entity';
import { ReviewProgression } from '../review/review-progression';
import { isProceedPlan } from '../review/review-stages.rule';

@Injectable()
export class ReceiveProofWhenSubmittedHandler implements EventHandler {
  readonly eventType = PLATFORM_EVENTS.proofSubmitted;

  constructor(private readonly progression: ReviewProgression) {}

  async handle(event: CloudEvent, context: HandlerContext): Promise<void> {
    const { manager, publish, log } = context;
    const ref = orderRefOf(event)!;
    const subject = orderKey(ref.platformId, ref.orderId);
    const inspection = await lockInspection(manager, ref);
    const contentHash = contentHashOf(event.data);
    const refuse = (reasonCode: RefusalReason, message: string, details?: FieldError[]) => {
      log.info({ reasonCode, status: inspection?.status ?? null }, 'proof submission refused');
      const refusal: RequestRefusedData = { ...ref, refusedEventId: event.id, refusedType: event.type, reasonCode, message, ...(details ? { details } : {}) };
      publish({ topic: TOPICS.inspectionEvents, type: INSPECTION_EVENTS.requestRefused, subject, data: refusal, step: inspection?.step ?? 0 });
    };

    if (inspection?.proofHash === contentHash) return log.info('accepted proof re-sent with the same content; ignored');
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
    if (judgement.ok) return this.progression.advance(inspection, 'PROOF', step + 1, context);
    const details = judgement.missing.map((kind) => ({ field: 'documents', message: `the requested ${kind} is missing` }));
    await this.progression.reject(inspection, 'INSUFFICIENT_PROOF', details, step + 1, context);
  }
}
