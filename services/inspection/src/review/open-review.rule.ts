// How a declared order's review opens (CONTRACT 4.2, 8.1): its plan from rules 0 to 2 and the
// tariff, whether customs' receipts decide it (`folder` mode, the models declared to the Single
// Window), and the legal unit of each item for its inventory list (CONTRACT 8.2).
import { CLEARANCE_MODEL_RULES, Declaration, legalUnitOf, orderKey, TariffEntryData } from '@cbec/contracts';
import { findTariffEntry, isSampledForReview, planReview } from '@cbec/domain';
import type { SingleWindowMode } from '@cbec/service-kit';
import type { InspectionConfig } from '../config';
import type { InspectionRow } from '../persistence/inspection-store';
import { proofQuestion } from '../proof/proof-question.rule';

export interface OpenedReview {
  inspection: InspectionRow;
  /** For the models declared to the Single Window whose review proceeds: what CEB621 needs. */
  inventoryList?: { legalUnits: string[] };
}

export function openReview(declaration: Declaration, tariff: readonly TariffEntryData[], config: Pick<InspectionConfig, 'samplingRate'> & { singleWindowMode: SingleWindowMode }, step: number): OpenedReview {
  const ref = { platformId: declaration.platformId, orderId: declaration.orderId };
  const model = declaration.clearanceModel;
  const declaredToSingleWindow = CLEARANCE_MODEL_RULES[model].singleWindowTradeMode !== null;
  const plan = planReview({
    model,
    items: declaration.items,
    tariff,
    sampledForReview: isSampledForReview(orderKey(ref.platformId, ref.orderId), config.samplingRate),
    customsDecides: declaredToSingleWindow && config.singleWindowMode === 'folder',
  });
  const question = plan.outcome === 'PROCEED' && plan.proofRequired.length > 0 ? proofQuestion(declaration.items, tariff, plan.proofRequired, declaration.currency) : null;
  const inspection: InspectionRow = { ...ref, clearanceModel: model, status: 'UNDER_REVIEW', reasonCode: null, plan, proofQuestion: question, proofHash: null, declaration, cancellationHash: null, step };
  if (plan.outcome !== 'PROCEED' || !declaredToSingleWindow) return { inspection };
  return { inspection, inventoryList: { legalUnits: declaration.items.map((item) => legalUnitOf(findTariffEntry(tariff, item.hsCode))) } };
}
