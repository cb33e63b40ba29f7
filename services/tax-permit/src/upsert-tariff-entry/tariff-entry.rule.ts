// What a tariff entry must be before it enters the table (CONTRACT 4.1): an HS prefix of 4 to 10
// digits, rates as decimal strings (a consumption tax rate below 1, since the tax divides by
// 1 - c), the three flags as booleans, an optional positive reference unit price and an
// optional legal unit (a 3-digit unit code, CONTRACT 8.2).
import { FieldError, LEGAL_UNIT_PATTERN, MONEY_PATTERN, RATE_PATTERN, TariffEntryData } from '@cbec/contracts';
import { isValidHsPrefix, Money } from '@cbec/domain';
import { isObject } from '@cbec/messaging';

export type TariffEntryCheck = { ok: true; entry: TariffEntryData } | { ok: false; errors: FieldError[] };

const RATES = ['dutyRate', 'vatRate', 'consumptionTaxRate'] as const;
const FLAGS = ['cbecEligible', 'quarantine', 'prohibited'] as const;

export function checkTariffEntry(input: unknown): TariffEntryCheck {
  if (!isObject(input)) return { ok: false, errors: [{ message: 'a tariff entry must be a JSON object' }] };
  const errors: FieldError[] = [];
  const { hsPrefix, description, referenceUnitPrice, legalUnit } = input;
  if (typeof hsPrefix !== 'string' || !isValidHsPrefix(hsPrefix)) errors.push({ field: 'hsPrefix', message: 'hsPrefix must be 4 to 10 digits' });
  if (typeof description !== 'string' || description.trim() === '') errors.push({ field: 'description', message: 'description must be a non-empty string' });
  for (const rate of RATES) {
    const value = input[rate];
    if (typeof value !== 'string' || !RATE_PATTERN.test(value)) errors.push({ field: rate, message: `${rate} must be a decimal string rate of at least 0, e.g. "0.13"` });
  }
  if (typeof input.consumptionTaxRate === 'string' && RATE_PATTERN.test(input.consumptionTaxRate) && new Money(input.consumptionTaxRate).greaterThanOrEqualTo(1)) {
    errors.push({ field: 'consumptionTaxRate', message: 'consumptionTaxRate must be below 1' });
  }
  for (const flag of FLAGS) {
    if (typeof input[flag] !== 'boolean') errors.push({ field: flag, message: `${flag} must be true or false` });
  }
  const hasReferencePrice = referenceUnitPrice !== undefined && referenceUnitPrice !== null;
  if (hasReferencePrice && (typeof referenceUnitPrice !== 'string' || !MONEY_PATTERN.test(referenceUnitPrice) || new Money(referenceUnitPrice).isZero())) {
    errors.push({ field: 'referenceUnitPrice', message: 'referenceUnitPrice must be a decimal string above zero with at most 2 decimals, e.g. "300.00"' });
  }
  const hasLegalUnit = legalUnit !== undefined && legalUnit !== null;
  if (hasLegalUnit && (typeof legalUnit !== 'string' || !LEGAL_UNIT_PATTERN.test(legalUnit))) {
    errors.push({ field: 'legalUnit', message: 'legalUnit must be a 3-digit JGS-20 unit code, e.g. "035" (kilogram)' });
  }
  if (errors.length) return { ok: false, errors };
  // Only the contract's fields are kept: anything else in the input is dropped.
  const entry = Object.fromEntries(['hsPrefix', 'description', ...RATES, ...FLAGS].map((field) => [field, input[field]])) as unknown as TariffEntryData;
  return { ok: true, entry: { ...entry, ...(hasReferencePrice ? { referenceUnitPrice: referenceUnitPrice as string } : {}), ...(hasLegalUnit ? { legalUnit: legalUnit as string } : {}) } };
}
