import { answerToOfficer, judgeOfficerDecision } from './officer-decision.rule';

describe('judgeOfficerDecision', () => {
  it.each([
    ['RELEASE during quarantine passes the quarantine', 'QUARANTINE_INSPECTION', 'RELEASE', { outcome: 'PASS', stage: 'QUARANTINE' }],
    ['FAIL during quarantine fails the inspection', 'QUARANTINE_INSPECTION', 'FAIL', { outcome: 'FAIL', stage: 'QUARANTINE' }],
    ['RELEASE of a held order passes the hold', 'HELD_FOR_REVIEW', 'RELEASE', { outcome: 'PASS', stage: 'SAMPLING' }],
    ['FAIL of a held order fails the inspection', 'HELD_FOR_REVIEW', 'FAIL', { outcome: 'FAIL', stage: 'SAMPLING' }],
    ['a decision while proof is awaited is not awaited', 'PROOF_REQUESTED', 'RELEASE', { outcome: 'NOT_AWAITED' }],
    ['a decision on an approved order is not awaited', 'APPROVED', 'FAIL', { outcome: 'NOT_AWAITED' }],
    ['a decision on a rejected order is not awaited', 'REJECTED', 'RELEASE', { outcome: 'NOT_AWAITED' }],
    ['a decision on an unknown order is not awaited', undefined, 'RELEASE', { outcome: 'NOT_AWAITED' }],
    ['a decision that is neither RELEASE nor FAIL is unknown', 'HELD_FOR_REVIEW', 'APPROVE', { outcome: 'UNKNOWN_DECISION' }],
  ] as const)('%s', (_, status, decision, verdict) => {
    expect(judgeOfficerDecision(status, decision)).toEqual(verdict);
  });
});

describe('answerToOfficer', () => {
  it.each([
    ['a released hold is applied', 'HELD_FOR_REVIEW', 'RELEASE', { outcome: 'APPLIED', message: 'officer released the order (manual review passed)' }],
    ['a released quarantine is applied', 'QUARANTINE_INSPECTION', 'RELEASE', { outcome: 'APPLIED', message: 'officer released the order (quarantine passed)' }],
    ['a failed inspection is applied', 'HELD_FOR_REVIEW', 'FAIL', { outcome: 'APPLIED', message: 'officer failed the inspection: the order is REJECTED with INSPECTION_FAILED' }],
    ['a decision nobody awaits is refused, naming the status', 'UNDER_REVIEW', 'RELEASE', { outcome: 'REFUSED', message: 'order is UNDER_REVIEW, not waiting for an officer' }],
    ['a decision on an unknown order is refused', undefined, 'FAIL', { outcome: 'REFUSED', message: 'order is not under inspection, not waiting for an officer' }],
    ['an unknown decision is refused', 'HELD_FOR_REVIEW', 'APPROVE', { outcome: 'REFUSED', message: 'decision must be RELEASE or FAIL, got "APPROVE"' }],
  ] as const)('%s', (_, status, decision, answer) => {
    expect(answerToOfficer(judgeOfficerDecision(status, decision), status, decision)).toEqual(answer);
  });
});
