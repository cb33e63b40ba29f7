import { TARIFF_SEED } from '@cbec/domain';
import { readTariffPut } from './tariff-put.rule';

const phones = () => {
  const { hsPrefix, ...fields } = TARIFF_SEED.find((entry) => entry.hsPrefix === '8517')!;
  return { hsPrefix, fields: { ...fields } as Record<string, unknown> };
};
const fieldsOf = (hsPrefix: string, body: unknown) => {
  const put = readTariffPut(hsPrefix, body);
  return put.ok ? [] : [...new Set(put.errors.map((error) => error.field))];
};

describe('readTariffPut', () => {
  it.each(TARIFF_SEED.map((entry) => [entry.hsPrefix, entry]))('accepts the seed entry %s, with or without its hsPrefix in the body', (hsPrefix, entry) => {
    const { hsPrefix: _, ...fields } = entry;
    expect(readTariffPut(hsPrefix, { ...fields })).toEqual({ ok: true, entry });
    expect(readTariffPut(hsPrefix, { ...entry })).toEqual({ ok: true, entry });
  });

  it('makes smartphones prohibited', () => {
    const { hsPrefix, fields } = phones();
    expect(readTariffPut(hsPrefix, { ...fields, cbecEligible: false, prohibited: true })).toMatchObject({ ok: true, entry: { hsPrefix: '8517', prohibited: true, cbecEligible: false } });
  });

  it.each([
    ['a rate as a JSON number', { vatRate: 0.13 }, ['vatRate']],
    ['a negative rate', { dutyRate: '-0.01' }, ['dutyRate']],
    ['a rate with a comma', { dutyRate: '0,1' }, ['dutyRate']],
    ['a consumption tax rate of 1', { consumptionTaxRate: '1' }, ['consumptionTaxRate']],
    ['a consumption tax rate of 1.5', { consumptionTaxRate: '1.5' }, ['consumptionTaxRate']],
    ['a flag as a string', { prohibited: 'yes' }, ['prohibited']],
    ['a missing flag', { quarantine: undefined }, ['quarantine']],
    ['an empty description', { description: '' }, ['description']],
    ['a reference price of zero', { referenceUnitPrice: '0.00' }, ['referenceUnitPrice']],
    ['a reference price with 3 decimals', { referenceUnitPrice: '1.005' }, ['referenceUnitPrice']],
    ['a reference price as a number', { referenceUnitPrice: 300 }, ['referenceUnitPrice']],
    ['another hsPrefix in the body', { hsPrefix: '8518' }, ['hsPrefix']],
  ])('refuses %s, naming the field', (_, change, fields) => {
    const { hsPrefix, fields: entry } = phones();
    expect(fieldsOf(hsPrefix, { ...entry, ...change })).toEqual(fields);
  });

  it.each([['851'], ['85171234567'], ['85a7']])('refuses the path prefix %p', (hsPrefix) => {
    expect(fieldsOf(hsPrefix, phones().fields)).toEqual(['hsPrefix']);
  });

  it('accepts a consumption tax rate just below 1 and drops fields the contract does not have', () => {
    const { hsPrefix, fields } = phones();
    const put = readTariffPut(hsPrefix, { ...fields, consumptionTaxRate: '0.999999', note: 'extra' });
    expect(put).toEqual({ ok: true, entry: { hsPrefix, ...fields, consumptionTaxRate: '0.999999' } });
  });

  it('lists every field error at once, and refuses what is not an object', () => {
    expect(fieldsOf('8517', { vatRate: 'x' })).toEqual(['description', 'dutyRate', 'vatRate', 'consumptionTaxRate', 'cbecEligible', 'quarantine', 'prohibited']);
    expect(fieldsOf('8517', { ...phones().fields, vatRate: 0.13, hsPrefix: '8518' })).toEqual(['vatRate', 'hsPrefix']);
    expect(readTariffPut('8517', 'prohibited')).toEqual({ ok: false, errors: [{ message: 'data must be a JSON object' }] });
  });
});
