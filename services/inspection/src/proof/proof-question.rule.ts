// The question of a proof request (CONTRACT 2.3 proof-requested.v1): one plain sentence naming
// the items whose unit price is below half their reference price, and the documents wanted.
import type { DocumentKind, OrderItemData } from '@cbec/contracts';
import { findTariffEntry, isBelowHalfReferencePrice, TariffEntry } from '@cbec/domain';

type QuestionedItem = Pick<OrderItemData, 'sku' | 'name' | 'hsCode' | 'unitPrice'>;

export function proofQuestion(items: readonly QuestionedItem[], tariff: readonly TariffEntry[], requested: readonly DocumentKind[], currency: string): string {
  const underpriced = items.flatMap((item) => {
    const reference = findTariffEntry(tariff, item.hsCode)?.referenceUnitPrice;
    if (reference === undefined || !isBelowHalfReferencePrice(item.unitPrice, { referenceUnitPrice: reference })) return [];
    return [`${item.sku} "${item.name}" (${item.unitPrice} ${currency}, below half the reference price of ${reference} ${currency})`];
  });
  const documents = requested.map((kind) => `the ${kind.toLowerCase().replace(/_/g, ' ')}`);
  return `Please send ${listOf(documents)} proving the declared unit price of ${listOf(underpriced)}.`;
}

/** "a", "a and b", "a, b and c". */
function listOf(parts: readonly string[]): string {
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
