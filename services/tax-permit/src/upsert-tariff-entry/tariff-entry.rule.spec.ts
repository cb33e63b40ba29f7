import { TARIFF_SEED } from '@cbec/domain';
import { checkTariffEntry } from './tariff-entry.rule';

const anEntry = (change: Record<string, unknown> = {}) => ({ ...TARIFF_SEED[0], ...change });
const fieldsOf = (input: unknown) => {
  const check = checkTariffEntry(input);
  return check.ok ? [] : check.errors.map((error) => error.field);
};

describe('checkTariffEntry', () => {
  it.each(TARIFF_SEED.map((entry) => [entry.hsPrefix, entry]))('accepts the seed entry %s as it is', (_, entry) => {
    expect(checkTariffEntry({ ...entry })).toEqual({ ok: true, entry });
  });

  it.each([
    ['an HS prefix of 3 digits', { hsPrefix: '330' }, ['hsPrefix']],
    ['an HS prefix of 11 digits', { hsPrefix: '33049900991' }, ['hsPrefix']],
    ['an HS prefix with letters', { hsPrefix: '33A4' }, ['hsPrefix']],
    ['an empty description', { description: ' ' }, ['description']],
    ['a rate as a JSON number', { vatRate: 0.13 }, ['vatRate']],
    ['a negative rate', { dutyRate: '-0.01' }, ['dutyRate']],
    ['a consumption tax rate of 1', { consumptionTaxRate: '1' }, ['consumptionTaxRate']],
    ['a consumption tax rate above 1', { consumptionTaxRate: '1.5' }, ['consumptionTaxRate']],
    ['a flag as a string', { prohibited: 'no' }, ['prohibited']],
    ['a missing flag', { cbecEligible: undefined }, ['cbecEligible']],
    ['a reference price of zero', { referenceUnitPrice: '0.00' }, ['referenceUnitPrice']],
    ['a reference price as a number', { referenceUnitPrice: 300 }, ['referenceUnitPrice']],
    ['a legal unit of 2 digits', { legalUnit: '35' }, ['legalUnit']],
    ['a legal unit as a number', { legalUnit: 35 }, ['legalUnit']],
  ])('refuses %s', (_, change, fields) => {
    expect(fieldsOf(anEntry(change))).toEqual(fields);
  });

  it('lists every field error at once', () => {
    expect(fieldsOf({ hsPrefix: '1', vatRate: 'x' })).toEqual(['hsPrefix', 'description', 'dutyRate', 'vatRate', 'consumptionTaxRate', 'cbecEligible', 'quarantine', 'prohibited']);
  });

  it('refuses what is not an object', () => {
    expect(checkTariffEntry('3304')).toEqual({ ok: false, errors: [{ message: 'a tariff entry must be a JSON object' }] });
  });

  it('accepts a consumption tax rate just below 1, a duty rate above 1 and no reference price', () => {
    const { referenceUnitPrice, ...entry } = anEntry({ consumptionTaxRate: '0.999999', dutyRate: '1.5' });
    expect(referenceUnitPrice).toBeDefined();
    expect(checkTariffEntry({ ...entry, referenceUnitPrice: null })).toEqual({ ok: true, entry });
  });

  it('keeps a legal unit (CONTRACT 8.2), and leaves it out when absent (kilogram)', () => {
    expect(checkTariffEntry(anEntry({ legalUnit: '001' }))).toEqual({ ok: true, entry: { ...anEntry(), legalUnit: '001' } });
    expect(checkTariffEntry({ ...anEntry(), legalUnit: null })).toEqual({ ok: true, entry: anEntry() });
  });

  it('keeps only the fields of the contract', () => {
    expect(checkTariffEntry({ ...anEntry(), note: 'extra' })).toEqual({ ok: true, entry: anEntry() });
  });
});
