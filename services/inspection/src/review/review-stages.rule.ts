// The stages an order goes through after UNDER_REVIEW when no rule rejects it (CONTRACT 4.2
// rules 3-5, then approval), as data: their order, which plans include them, the event that
// announces each, the timer that ends it and whether an officer decides it. A new stage is a
// row of REVIEW_STAGES; handlers only ask for the next one.
import {
  ClearanceEventData,
  ClearanceModel,
  Declaration,
  DeclarationEventData,
  INSPECTION_EVENTS,
  ProofRequestedData,
  QuarantineStartedData,
} from '@cbec/contracts';
import type { ReviewPlan } from '@cbec/domain';
import type { InspectionConfig } from '../config';
import type { InspectionStatus } from '../persistence/inspection.entity';

export type ProceedPlan = Extract<ReviewPlan, { outcome: 'PROCEED' }>;
export type ReviewStage = 'QUARANTINE' | 'PROOF' | 'SAMPLING' | 'APPROVAL';

export const TIMER_KINDS = {
  quarantine: 'inspection.quarantine',
  proofDue: 'inspection.proof-due',
} as const;

/** What entering a stage needs to know about the order. */
export interface ReviewedOrder {
  platformId: string;
  orderId: string;
  clearanceModel: ClearanceModel;
  declaration: Declaration;
  plan: ProceedPlan;
  proofQuestion: string | null;
}

export interface StageFacts {
  order: ReviewedOrder;
  now: Date;
  config: Pick<InspectionConfig, 'quarantineDurationMs' | 'proofDueMs'>;
}

/** The event announcing a stage, the status it leads to, and the timer that ends the stage. */
export interface StageEntry {
  type: string;
  status: InspectionStatus;
  data: ClearanceEventData;
  timer?: { kind: string; dueAt: Date };
}

interface StageDefinition {
  stage: ReviewStage;
  /** The status an order is in while the stage lasts. */
  status: InspectionStatus;
  applies(plan: ProceedPlan): boolean;
  /** Whether an officer's RELEASE passes the stage and FAIL rejects the order. */
  officerDecides: boolean;
  timerKind?: string;
  enter(facts: StageFacts): StageEntry;
}

export const REVIEW_STAGES: readonly StageDefinition[] = [
  {
    stage: 'QUARANTINE',
    status: 'QUARANTINE_INSPECTION',
    // Always entered and announced when the plan says so, even with a zero duration.
    applies: (plan) => plan.quarantine,
    officerDecides: true,
    timerKind: TIMER_KINDS.quarantine,
    enter: ({ order, now, config }) => {
      const until = new Date(now.getTime() + config.quarantineDurationMs);
      const data: QuarantineStartedData = { ...refOf(order), until: until.toISOString() };
      return { type: INSPECTION_EVENTS.quarantineStarted, status: 'QUARANTINE_INSPECTION', data, timer: { kind: TIMER_KINDS.quarantine, dueAt: until } };
    },
  },
  {
    stage: 'PROOF',
    status: 'PROOF_REQUESTED',
    applies: (plan) => plan.proofRequired.length > 0,
    officerDecides: false,
    timerKind: TIMER_KINDS.proofDue,
    enter: ({ order, now, config }) => {
      const dueBy = new Date(now.getTime() + config.proofDueMs);
      const notice = { requestedDocuments: [...order.plan.proofRequired], question: order.proofQuestion ?? '', dueBy: dueBy.toISOString() };
      const data: ProofRequestedData = { ...refOf(order), notice };
      return { type: INSPECTION_EVENTS.proofRequested, status: 'PROOF_REQUESTED', data, timer: { kind: TIMER_KINDS.proofDue, dueAt: dueBy } };
    },
  },
  {
    stage: 'SAMPLING',
    status: 'HELD_FOR_REVIEW',
    applies: (plan) => plan.heldForReview,
    officerDecides: true,
    enter: ({ order }) => ({ type: INSPECTION_EVENTS.heldForReview, status: 'HELD_FOR_REVIEW', data: refOf(order) }),
  },
  {
    stage: 'APPROVAL',
    status: 'APPROVED',
    applies: () => true,
    officerDecides: false,
    enter: ({ order }) => {
      const data: DeclarationEventData = { ...refOf(order), declaration: order.declaration };
      return { type: INSPECTION_EVENTS.approved, status: 'APPROVED', data };
    },
  },
];

/** The first stage of the plan after `passed` (null: the review has just started). */
export function nextStage(plan: ProceedPlan, passed: ReviewStage | null): ReviewStage {
  const from = passed === null ? 0 : indexOf(passed) + 1;
  const next = REVIEW_STAGES.slice(from).find((definition) => definition.applies(plan));
  if (!next) throw new Error(`no review stage after ${passed}`);
  return next.stage;
}

export function enterStage(stage: ReviewStage, facts: StageFacts): StageEntry {
  return REVIEW_STAGES[indexOf(stage)].enter(facts);
}

/** The timer that ends a stage, if it has one (cancelled when the stage ends otherwise). */
export function timerOf(stage: ReviewStage): string | undefined {
  return REVIEW_STAGES[indexOf(stage)].timerKind;
}

export const STAGE_TIMER_KINDS: readonly string[] = Object.values(TIMER_KINDS);

/** The stage an officer may decide while the order is in `status`, if any. */
export function stageDecidedByOfficerIn(status: InspectionStatus | undefined): ReviewStage | undefined {
  return REVIEW_STAGES.find((definition) => definition.officerDecides && definition.status === status)?.stage;
}

export function isProceedPlan(plan: ReviewPlan): plan is ProceedPlan {
  return plan.outcome === 'PROCEED';
}

function indexOf(stage: ReviewStage): number {
  const index = REVIEW_STAGES.findIndex((definition) => definition.stage === stage);
  if (index < 0) throw new Error(`unknown review stage ${stage}`);
  return index;
}

function refOf(order: ReviewedOrder): ClearanceEventData & { clearanceModel: ClearanceModel } {
  return { platformId: order.platformId, orderId: order.orderId, clearanceModel: order.clearanceModel };
}
