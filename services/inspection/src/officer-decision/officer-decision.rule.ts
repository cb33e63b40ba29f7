// What an officer's decision does to an order (CONTRACT 4.2 rules 3 and 5): RELEASE passes the
// stage the officer decides, FAIL rejects the order; in any other state it changes nothing.
import type { CommandAnswerData } from '@cbec/contracts';
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

/** What ops are told of their decision (OPS_EVENTS.inspectionDecisionRecorded): applied, or why not. */
export function answerToOfficer(verdict: OfficerVerdict, status: InspectionStatus | undefined, decision: unknown): Pick<CommandAnswerData, 'outcome' | 'message'> {
  switch (verdict.outcome) {
    case 'PASS':
      return { outcome: 'APPLIED', message: `officer released the order (${verdict.stage === 'QUARANTINE' ? 'quarantine' : 'manual review'} passed)` };
    case 'FAIL':
      return { outcome: 'APPLIED', message: 'officer failed the inspection: the order is REJECTED with INSPECTION_FAILED' };
    case 'UNKNOWN_DECISION':
      return { outcome: 'REFUSED', message: `decision must be RELEASE or FAIL, got ${JSON.stringify(decision)}` };
    case 'NOT_AWAITED':
      return { outcome: 'REFUSED', message: status ? `order is ${status}, not waiting for an officer` : 'order is not under inspection, not waiting for an officer' };
  }
}
