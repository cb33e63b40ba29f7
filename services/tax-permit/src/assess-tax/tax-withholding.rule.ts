// Whether the tax of an assessed order is paid at once (CLEARANCE_MODEL_RULES.taxWithheld):
// where the platform withholds it (model I), the order is TAX_PAID at the step after
// TAX_ASSESSED and nothing is due; elsewhere it waits at TAX_ASSESSED for the payment until dueBy.
import { CLEARANCE_MODEL_RULES, ClearanceModel } from '@cbec/contracts';

export type Settlement =
  /** `lastStep`: the step of TAX_PAID, right after TAX_ASSESSED. */
  | { withheld: true; status: 'TAX_PAID'; lastStep: number; dueBy?: undefined }
  | { withheld: false; status: 'TAX_ASSESSED'; lastStep: number; dueBy: Date };

/** How the tax assessed at `assessedStep` is settled. */
export function settlementOf(model: ClearanceModel, assessedStep: number, now: Date, taxDueMs: number): Settlement {
  if (CLEARANCE_MODEL_RULES[model].taxWithheld) return { withheld: true, status: 'TAX_PAID', lastStep: assessedStep + 1 };
  return { withheld: false, status: 'TAX_ASSESSED', lastStep: assessedStep, dueBy: new Date(now.getTime() + taxDueMs) };
}
