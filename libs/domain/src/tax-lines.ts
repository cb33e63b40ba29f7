// Which tariff entry's rates each item of an order is taxed at (CONTRACT 4.1, 4.3): its longest
// matching HS prefix. The assessment and the quote both start here.
import type { FieldError, TariffEntryData } from '@cbec/contracts';
import { findTariffEntry } from './tariff';
import type { TaxLineInput } from './tax';

export interface TaxedItem {
  sku: string;
  hsCode: string;
  quantity: number;
  unitPrice: string;
}

export type TaxLinesOf = { ok: true; lines: TaxLineInput[] } | { ok: false; details: FieldError[] };

/** Every item by its longest-prefix tariff entry; an item with none is UNKNOWN_HS_CODE. */
export function taxLinesOf(items: readonly TaxedItem[], tariff: readonly TariffEntryData[]): TaxLinesOf {
  const entries = items.map((item) => findTariffEntry(tariff, item.hsCode));
  const details = items.flatMap((item, index) => (entries[index] ? [] : [{ field: `items[${index}].hsCode`, message: `no tariff entry covers HS code ${item.hsCode}` }]));
  if (details.length) return { ok: false, details };
  const lines = items.map((item, index) => {
    const { dutyRate, consumptionTaxRate, vatRate } = entries[index]!;
    return { sku: item.sku, quantity: item.quantity, unitPrice: item.unitPrice, rates: { dutyRate, consumptionTaxRate, vatRate } };
  });
  return { ok: true, lines };
}
