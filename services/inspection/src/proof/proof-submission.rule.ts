// What a platform's proof of price meets (CONTRACT 2.2, 4.2 rule 4): a re-send of the accepted
// proof changes nothing; then the state (is a proof awaited?), then the content, then the proof
// judged alone: every requested kind, or INSUFFICIENT_PROOF naming each missing one.
import { FieldError, ProofReceivedData, ProofSubmittedData, RefusalReason, validatePayload } from '@cbec/contracts';
import { judgeProof, ReviewPlan } from '@cbec/domain';
import type { InspectionStatus } from '../persistence/inspection.entity';
import { isProceedPlan } from '../review/review-stages.rule';

/** What the rule needs of the inspection. */
export interface ProofAwaitingInspection {
  status: InspectionStatus;
  proofHash: string | null;
  plan: ReviewPlan;
}

export type ProofSubmission =
  | { kind: 'already-received' }
  | { kind: 'refused'; reasonCode: RefusalReason; message: string; details?: FieldError[] }
  /** `missing`: the requested kinds not submitted, as the rejection's details; empty when the proof suffices. */
  | { kind: 'received'; documents: ProofReceivedData['documents']; missing: FieldError[] };

export function judgeProofSubmission(inspection: ProofAwaitingInspection | null, data: unknown, contentHash: string, subject: string): ProofSubmission {
  if (inspection?.proofHash === contentHash) return { kind: 'already-received' };
  if (inspection?.status !== 'PROOF_REQUESTED' || !isProceedPlan(inspection.plan)) {
    return { kind: 'refused', reasonCode: 'UNEXPECTED_EVENT', message: `no proof of price is awaited for order ${subject}${inspection ? ` (status ${inspection.status})` : ''}` };
  }
  const { value, errors } = validatePayload(ProofSubmittedData, data);
  if (!value) return { kind: 'refused', reasonCode: 'INVALID_REQUEST', message: 'the proof submission is invalid', details: errors };
  const documents = value.documents.map(({ kind, fileName, sha256 }) => ({ kind, fileName, sha256 }));
  const judgement = judgeProof(inspection.plan.proofRequired, documents.map((document) => document.kind));
  const missing = judgement.ok ? [] : judgement.missing.map((kind) => ({ field: 'documents', message: `the requested ${kind} is missing` }));
  return { kind: 'received', documents, missing };
}
