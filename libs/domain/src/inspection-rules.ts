// Customs review of a declared order (CONTRACT 4.2): rules 0-5 in order, the first that rejects
// decides; which rules apply depends on the clearance model.
import { createHash } from 'node:crypto';
import { CLEARANCE_MODEL_RULES, type ClearanceModel, type DocumentKind, type FieldError } from '@cbec/contracts';
import { Money } from './money';
import { findTariffEntry, TariffEntry } from './tariff';

/** Asked for when a bonded-zone item's price is below half its reference price (rule 4). */
export const PRICE_PROOF_KINDS: readonly DocumentKind[] = ['INVOICE', 'TRANSACTION_RECORD'];


/** Which of rules 2 to 4 apply to each model: read from the contract's per-model rules. */
export const REVIEW_RULES_BY_MODEL: Readonly<Record<ClearanceModel, { positiveList: boolean; quarantine: boolean; priceProof: boolean }>> = Object.fromEntries(
  Object.entries(CLEARANCE_MODEL_RULES).map(([model, rules]) => [model, { positiveList: rules.positiveListApplies, quarantine: rules.quarantineApplies, priceProof: rules.proofOfPriceApplies }]),
) as Record<ClearanceModel, { positiveList: boolean; quarantine: boolean; priceProof: boolean }>;

export interface ReviewItem {
  sku: string;
  hsCode: string;
  unitPrice: string;
}

export interface ReviewInput {
  model: ClearanceModel;
  items: readonly ReviewItem[];
  tariff: readonly TariffEntry[];
  /** From isSampledForReview of the order's platformId/orderId. */
  sampledForReview: boolean;
  /**
   * Customs' receipts decide instead of rules 3 to 5 (CONTRACT 8.1: `folder` mode, for the models
   * declared to the Single Window).
   */
  customsDecides?: boolean;
}

export type ReviewRejection = 'UNKNOWN_HS_CODE' | 'PROHIBITED_GOODS' | 'NOT_ON_POSITIVE_LIST';

export type ReviewPlan =
  | { outcome: 'REJECT'; reasonCode: ReviewRejection; details: FieldError[] }
  | { outcome: 'PROCEED'; quarantine: boolean; proofRequired: DocumentKind[]; heldForReview: boolean; customsDecides?: boolean };

/** An order's item with where it sits in the order and its tariff entry, if any. */
interface ReviewedItem {
  item: ReviewItem;
  field: string;
  entry?: TariffEntry;
}
type ClassifiedItem = ReviewedItem & { entry: TariffEntry };

/**
 * Rules 0-2 reject (the first that finds an item decides, listing every such item); otherwise
 * the plan says which of the steps 3-5 the order goes through: quarantine inspection, a proof
 * request, manual review.
 */
export function planReview(input: ReviewInput): ReviewPlan {
  const rules = REVIEW_RULES_BY_MODEL[input.model];
  const reviewed = input.items.map((item, index) => ({ item, field: `items[${index}].hsCode`, entry: findTariffEntry(input.tariff, item.hsCode) }));

  const unknown = reviewed.filter((line) => !isClassified(line));
  if (unknown.length > 0) return reject('UNKNOWN_HS_CODE', unknown.map(({ item, field }) => ({ field, message: `no tariff entry for HS code ${item.hsCode}` })));
  const classified = reviewed.filter(isClassified);

  const prohibited = classified.filter(({ entry }) => entry.prohibited);
  if (prohibited.length > 0) return reject('PROHIBITED_GOODS', prohibited.map((line) => itemError(line, 'is prohibited')));

  const offList = rules.positiveList ? classified.filter(({ entry }) => !entry.cbecEligible) : [];
  if (offList.length > 0) return reject('NOT_ON_POSITIVE_LIST', offList.map((line) => itemError(line, 'is not on the cross-border retail positive list')));

  if (input.customsDecides) return { outcome: 'PROCEED', quarantine: false, proofRequired: [], heldForReview: false, customsDecides: true };
  return {
    outcome: 'PROCEED',
    quarantine: rules.quarantine && classified.some(({ entry }) => entry.quarantine),
    proofRequired: rules.priceProof && classified.some(({ item, entry }) => isBelowHalfReferencePrice(item.unitPrice, entry)) ? [...PRICE_PROOF_KINDS] : [],
    heldForReview: input.sampledForReview,
  };
}

function isClassified(line: ReviewedItem): line is ClassifiedItem {
  return line.entry !== undefined;
}

function itemError({ item, field, entry }: ClassifiedItem, what: string): FieldError {
  return { field, message: `${item.sku} (HS ${item.hsCode}, ${entry.description}) ${what}` };
}

function reject(reasonCode: ReviewRejection, details: FieldError[]): ReviewPlan {
  return { outcome: 'REJECT', reasonCode, details };
}

/** Strictly below half: exactly half the reference price needs no proof. */
export function isBelowHalfReferencePrice(unitPrice: string, entry: Pick<TariffEntry, 'referenceUnitPrice'>): boolean {
  if (entry.referenceUnitPrice === undefined) return false;
  return new Money(unitPrice).times(2).lessThan(entry.referenceUnitPrice);
}

/**
 * Whether an order is sampled for manual review (rule 5): the first 8 hex digits of the SHA-256
 * of `platformId/orderId`, read as a fraction in [0, 1), below the sampling rate. Stable across
 * replicas and restarts; rate 0 samples nothing, rate 1 everything.
 */
export function isSampledForReview(key: string, rate: string | number): boolean {
  const samplingRate = typeof rate === 'string' && rate.trim() === '' ? NaN : Number(rate);
  if (!(samplingRate >= 0 && samplingRate <= 1)) throw new RangeError(`sampling rate ${rate} must be between 0 and 1`);
  const fraction = parseInt(createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 8), 16) / 2 ** 32;
  return fraction < samplingRate;
}

export type ProofJudgement = { ok: true } | { ok: false; reasonCode: 'INSUFFICIENT_PROOF'; missing: DocumentKind[] };

/** A submission is judged alone (proofs do not add up): it must hold every requested kind. */
export function judgeProof(requested: readonly DocumentKind[], submittedKinds: readonly DocumentKind[]): ProofJudgement {
  const missing = [...new Set(requested)].filter((kind) => !submittedKinds.includes(kind));
  return missing.length === 0 ? { ok: true } : { ok: false, reasonCode: 'INSUFFICIENT_PROOF', missing };
}
