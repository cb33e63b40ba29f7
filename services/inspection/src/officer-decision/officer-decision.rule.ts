// What an officer's decision does to an order (CONTRACT 4.2 rules 3 and 5): RELEASE passes the
// stage the officer decides, FAIL rejects the order; in any other state it changes nothing.
import type { InspectionStatus } from '../persistence/inspection.entity';
import { ReviewStage, stageDecidedByOfficerIn } from '../review/review-stages.rule';

export type OfficerVerdict =
  | { outcome: 'PASS'; stage: ReviewStage }
  | { outcome: 'FAIL'; stage: ReviewStage }
  | { outcome: 'NOT_AWAITED' }
  | { outcome: 'UNKNOWN_DECISION' };

/** `status` is undefined for an order inspection does not know. */
export function judgeOfficerDecision(status: InspectionStatus | undefined, decision: unknown): OfficerVerdict {
  if (decision !== 'RELEASE' && decision !== 'FAIL') return { outcome: 'UNKNOWN_DECISION' };
  const stage = stageDecidedByOfficerIn(status);
  if (!stage) return { outcome: 'NOT_AWAITED' };
  return { outcome: decision === 'RELEASE' ? 'PASS' : 'FAIL', stage };
}
