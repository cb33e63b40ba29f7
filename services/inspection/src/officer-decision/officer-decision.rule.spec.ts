import { judgeOfficerDecision } from './officer-decision.rule';

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
