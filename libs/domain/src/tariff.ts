// The tariff table (CONTRACT 4.1): its entries, the seed a fresh database starts with, and which
// entry an HS code falls under.

import { TariffEntryData, tariffEntryData } from '@cbec/contracts';

/** One entry of the tariff table; its shape is the contract's (it travels in tariff-changed events). */
export type TariffEntry = TariffEntryData;

const HS_PREFIX = /^\d{4,10}$/;

export function isValidHsPrefix(prefix: string): boolean {
  return HS_PREFIX.test(prefix);
}

/**
 * Illustrative rates for a working system out of the box, not a legal tariff. Frozen: copy the
 * entries before handing them to code that writes to them (an ORM's save does).
 */
export const TARIFF_SEED: readonly Readonly<TariffEntry>[] = Object.freeze([
  entry('3304', 'beauty and make-up preparations', '0.01', '0.13', '0.15', { referenceUnitPrice: '300.00' }),
  entry('190110', 'infant formula', '0.15', '0.13', '0', { quarantine: true }),
  entry('2204', 'wine of fresh grapes', '0.14', '0.13', '0.10', { quarantine: true }),
  entry('8517', 'telephones and smartphones', '0', '0.13', '0'),
  entry('6109', 'T-shirts, knitted', '0.06', '0.13', '0'),
  entry('4202', 'handbags and cases', '0.10', '0.13', '0'),
  entry('9102', 'wrist watches', '0.08', '0.13', '0.20'),
  entry('4901', 'printed books', '0', '0.09', '0'),
  entry('0602', 'live plants', '0', '0.09', '0', { cbecEligible: false, quarantine: true }),
  entry('3004', 'medicaments in doses', '0.03', '0.13', '0', { cbecEligible: false }),
  entry('9303', 'firearms', '0', '0.13', '0', { cbecEligible: false, prohibited: true }),
]);

/** The entry with the longest prefix of `hsCode`, or undefined (UNKNOWN_HS_CODE). */
export function findTariffEntry<Entry extends TariffEntry>(entries: readonly Entry[], hsCode: string): Entry | undefined {
  let best: Entry | undefined;
  for (const candidate of entries) {
    const matches = isValidHsPrefix(candidate.hsPrefix) && hsCode.startsWith(candidate.hsPrefix);
    if (matches && (!best || candidate.hsPrefix.length > best.hsPrefix.length)) best = candidate;
  }
  return best;
}

function entry(
  hsPrefix: string,
  description: string,
  dutyRate: string,
  vatRate: string,
  consumptionTaxRate: string,
  flags: Partial<Pick<TariffEntry, 'cbecEligible' | 'quarantine' | 'prohibited' | 'referenceUnitPrice'>> = {},
): Readonly<TariffEntry> {
  const { cbecEligible = true, quarantine = false, prohibited = false, referenceUnitPrice } = flags;
  return Object.freeze(tariffEntryData({ hsPrefix, description, dutyRate, vatRate, consumptionTaxRate, cbecEligible, quarantine, prohibited, referenceUnitPrice }));
}
