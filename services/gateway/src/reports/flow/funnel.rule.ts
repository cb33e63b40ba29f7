// The steps of the funnel: the statuses an order passes through, in the contract's order
// (CONTRACT 3), for one model or all; a step is optional when not every order of the model
// passes it (quarantine, proof, manual review, and the steps of other models). Statuses that end
// an order off the main line (REJECTED, and any later ones such as CANCELLED) are not steps.
import { CLEARANCE_MODEL_RULES, CLEARANCE_MODELS, CLEARANCE_STATUSES, ClearanceModel, ClearanceStatus, HAPPY_PATH } from '@cbec/contracts';

export interface FunnelStep {
  status: ClearanceStatus;
  /** Orders that reached the status (and may have moved on since). */
  orders: number;
  /** orders / the orders that entered, 0 when none entered. */
  share: number;
  optional: boolean;
}

const ON_SOME_PATH = new Set<ClearanceStatus>([...CLEARANCE_MODELS.flatMap((model) => HAPPY_PATH[model]), 'QUARANTINE_INSPECTION', 'PROOF_REQUESTED', 'PROOF_SUBMITTED', 'HELD_FOR_REVIEW']);

export function funnelSteps(model?: ClearanceModel): { status: ClearanceStatus; optional: boolean }[] {
  if (!model) {
    const everywhere = (status: ClearanceStatus) => CLEARANCE_MODELS.every((m) => HAPPY_PATH[m].includes(status));
    return CLEARANCE_STATUSES.filter((status) => ON_SOME_PATH.has(status)).map((status) => ({ status, optional: !everywhere(status) }));
  }
  const rules = CLEARANCE_MODEL_RULES[model];
  const optional: ClearanceStatus[] = [...(rules.quarantineApplies ? ['QUARANTINE_INSPECTION' as const] : []), ...(rules.proofOfPriceApplies ? ['PROOF_REQUESTED' as const, 'PROOF_SUBMITTED' as const] : []), 'HELD_FOR_REVIEW'];
  const steps = new Set<ClearanceStatus>([...HAPPY_PATH[model], ...optional]);
  return CLEARANCE_STATUSES.filter((status) => steps.has(status)).map((status) => ({ status, optional: !HAPPY_PATH[model].includes(status) }));
}

/** The funnel from the orders that reached each status and the orders that entered. */
export function funnelOf(model: ClearanceModel | undefined, reached: Partial<Record<ClearanceStatus, number>>, entered: number): FunnelStep[] {
  return funnelSteps(model).map(({ status, optional }) => {
    const orders = status === 'RECEIVED' ? entered : (reached[status] ?? 0);
    return { status, orders, share: entered === 0 ? 0 : Math.round((orders / entered) * 1000) / 1000, optional };
  });
}
