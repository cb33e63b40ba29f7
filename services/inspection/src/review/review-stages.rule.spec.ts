import type { ClearanceModel, Declaration } from '@cbec/contracts';
import { INSPECTION_EVENTS } from '@cbec/contracts';
import { planReview, TARIFF_SEED } from '@cbec/domain';
import { enterStage, nextStage, ProceedPlan, ReviewedOrder, ReviewStage, stageDecidedByOfficerIn, TIMER_KINDS, timerOf } from './review-stages.rule';

/** Every stage an order goes through, from the start of its review to approval. */
function pathOf(plan: ProceedPlan): ReviewStage[] {
  const path: ReviewStage[] = [];
  let passed: ReviewStage | null = null;
  while (passed !== 'APPROVAL') {
    passed = nextStage(plan, passed);
    path.push(passed);
  }
  return path;
}

const plan = (quarantine: boolean, proof: boolean, heldForReview: boolean): ProceedPlan => ({
  outcome: 'PROCEED',
  quarantine,
  proofRequired: proof ? ['INVOICE', 'TRANSACTION_RECORD'] : [],
  heldForReview,
});

const WINE = { sku: 'FR-WINE', hsCode: '2204210000', unitPrice: '150.00' };
const CHEAP_CREAM = { sku: 'JP-CREAM', hsCode: '3304990099', unitPrice: '120.00' };
const CREAM = { sku: 'JP-CREAM', hsCode: '3304990099', unitPrice: '199.00' };

function plannedPath(model: ClearanceModel, items: (typeof WINE)[], sampledForReview: boolean): ReviewStage[] {
  const reviewed = planReview({ model, items, tariff: TARIFF_SEED, sampledForReview });
  if (reviewed.outcome !== 'PROCEED') throw new Error(`expected PROCEED, got ${reviewed.reasonCode}`);
  return pathOf(reviewed);
}

describe('nextStage', () => {
  it.each([
    [plan(false, false, false), ['APPROVAL']],
    [plan(true, false, false), ['QUARANTINE', 'APPROVAL']],
    [plan(false, true, false), ['PROOF', 'APPROVAL']],
    [plan(false, false, true), ['SAMPLING', 'APPROVAL']],
    [plan(true, true, false), ['QUARANTINE', 'PROOF', 'APPROVAL']],
    [plan(true, false, true), ['QUARANTINE', 'SAMPLING', 'APPROVAL']],
    [plan(false, true, true), ['PROOF', 'SAMPLING', 'APPROVAL']],
    [plan(true, true, true), ['QUARANTINE', 'PROOF', 'SAMPLING', 'APPROVAL']],
  ])('takes the plan %j through %j in contract order', (given, expected) => {
    expect(pathOf(given)).toEqual(expected);
  });

  it.each([
    ['DIRECT_MAIL', [WINE, CHEAP_CREAM], false, ['APPROVAL']],
    ['DIRECT_MAIL', [WINE, CHEAP_CREAM], true, ['SAMPLING', 'APPROVAL']],
    ['GENERAL_TRADE', [WINE, CHEAP_CREAM], false, ['QUARANTINE', 'APPROVAL']],
    ['GENERAL_TRADE', [CREAM], false, ['APPROVAL']],
    ['GENERAL_TRADE', [WINE], true, ['QUARANTINE', 'SAMPLING', 'APPROVAL']],
    ['BONDED_ZONE', [CREAM], false, ['APPROVAL']],
    ['BONDED_ZONE', [CHEAP_CREAM], false, ['PROOF', 'APPROVAL']],
    ['BONDED_ZONE', [WINE, CHEAP_CREAM], false, ['QUARANTINE', 'PROOF', 'APPROVAL']],
    ['BONDED_ZONE', [WINE, CHEAP_CREAM], true, ['QUARANTINE', 'PROOF', 'SAMPLING', 'APPROVAL']],
  ] as const)('%s with %j (sampled: %s) goes through %j', (model, items, sampled, expected) => {
    expect(plannedPath(model, [...items], sampled)).toEqual(expected);
  });

  it('never skips approval, whatever stage was passed', () => {
    for (const passed of ['QUARANTINE', 'PROOF', 'SAMPLING'] as const) expect(nextStage(plan(false, false, false), passed)).toBe('APPROVAL');
  });

  it('has nothing after approval', () => {
    expect(() => nextStage(plan(true, true, true), 'APPROVAL')).toThrow('no review stage after APPROVAL');
  });
});

describe('enterStage', () => {
  const now = new Date('2026-11-11T00:00:00.000Z');
  const config = { quarantineDurationMs: 60_000, proofDueMs: 259_200_000 };
  const declaration = { declarationNumber: 'DEC-1', items: [] } as unknown as Declaration;
  const order: ReviewedOrder = { platformId: 'tmall-global', orderId: 'TG1', clearanceModel: 'BONDED_ZONE', declaration, plan: plan(true, true, true), proofQuestion: 'Please send the invoice.' };
  const ref = { platformId: 'tmall-global', orderId: 'TG1', clearanceModel: 'BONDED_ZONE' };

  it('starts a quarantine until its duration is up, with a timer then', () => {
    expect(enterStage('QUARANTINE', { order, now, config })).toEqual({
      type: INSPECTION_EVENTS.quarantineStarted,
      status: 'QUARANTINE_INSPECTION',
      data: { ...ref, until: '2026-11-11T00:01:00.000Z' },
      timer: { kind: TIMER_KINDS.quarantine, dueAt: new Date('2026-11-11T00:01:00.000Z') },
    });
  });

  it('announces a quarantine of zero duration too, with a timer due at once', () => {
    const entry = enterStage('QUARANTINE', { order, now, config: { ...config, quarantineDurationMs: 0 } });
    expect(entry.status).toBe('QUARANTINE_INSPECTION');
    expect(entry.timer).toEqual({ kind: TIMER_KINDS.quarantine, dueAt: now });
  });

  it('requests proof with the notice the platform sees: documents, question and due time', () => {
    expect(enterStage('PROOF', { order, now, config })).toEqual({
      type: INSPECTION_EVENTS.proofRequested,
      status: 'PROOF_REQUESTED',
      data: { ...ref, notice: { requestedDocuments: ['INVOICE', 'TRANSACTION_RECORD'], question: 'Please send the invoice.', dueBy: '2026-11-14T00:00:00.000Z' } },
      timer: { kind: TIMER_KINDS.proofDue, dueAt: new Date('2026-11-14T00:00:00.000Z') },
    });
  });

  it('holds for review with no timer: an officer decides', () => {
    expect(enterStage('SAMPLING', { order, now, config })).toEqual({ type: INSPECTION_EVENTS.heldForReview, status: 'HELD_FOR_REVIEW', data: ref });
  });

  it('approves with the declaration carried forward', () => {
    expect(enterStage('APPROVAL', { order, now, config })).toEqual({ type: INSPECTION_EVENTS.approved, status: 'APPROVED', data: { ...ref, declaration } });
  });
});

describe('stage timers and officer stages', () => {
  it.each([
    ['QUARANTINE', TIMER_KINDS.quarantine],
    ['PROOF', TIMER_KINDS.proofDue],
    ['SAMPLING', undefined],
    ['APPROVAL', undefined],
  ] as const)('%s ends with timer %s', (stage, kind) => {
    expect(timerOf(stage)).toBe(kind);
  });

  it.each([
    ['QUARANTINE_INSPECTION', 'QUARANTINE'],
    ['HELD_FOR_REVIEW', 'SAMPLING'],
    ['UNDER_REVIEW', undefined],
    ['PROOF_REQUESTED', undefined],
    ['PROOF_SUBMITTED', undefined],
    ['APPROVED', undefined],
    ['REJECTED', undefined],
    [undefined, undefined],
  ] as const)('in %s an officer decides %s', (status, stage) => {
    expect(stageDecidedByOfficerIn(status)).toBe(stage);
  });
});
