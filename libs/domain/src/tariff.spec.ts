import { findTariffEntry, isValidHsPrefix, TARIFF_SEED, TariffEntry } from './tariff';

function anEntry(hsPrefix: string, overrides: Partial<TariffEntry> = {}): TariffEntry {
  return {
    hsPrefix,
    description: `goods under ${hsPrefix}`,
    dutyRate: '0',
    vatRate: '0.13',
    consumptionTaxRate: '0',
    cbecEligible: true,
    quarantine: false,
    prohibited: false,
    ...overrides,
  };
}

describe('tariff', () => {
  describe('TARIFF_SEED', () => {
    it('holds the eleven entries of CONTRACT 4.1, rates spelled as there', () => {
      const rows = TARIFF_SEED.map((e) => [e.hsPrefix, e.dutyRate, e.vatRate, e.consumptionTaxRate, e.cbecEligible, e.quarantine, e.prohibited, e.referenceUnitPrice]);
      expect(rows).toEqual([
        ['3304', '0.01', '0.13', '0.15', true, false, false, '300.00'],
        ['190110', '0.15', '0.13', '0', true, true, false, undefined],
        ['2204', '0.14', '0.13', '0.10', true, true, false, undefined],
        ['8517', '0', '0.13', '0', true, false, false, undefined],
        ['6109', '0.06', '0.13', '0', true, false, false, undefined],
        ['4202', '0.10', '0.13', '0', true, false, false, undefined],
        ['9102', '0.08', '0.13', '0.20', true, false, false, undefined],
        ['4901', '0', '0.09', '0', true, false, false, undefined],
        ['0602', '0', '0.09', '0', false, true, false, undefined],
        ['3004', '0.03', '0.13', '0', false, false, false, undefined],
        ['9303', '0', '0.13', '0', false, false, true, undefined],
      ]);
    });

    it('gives a reference unit price to cosmetics only, and leaves the key out elsewhere', () => {
      expect(TARIFF_SEED.filter((e) => 'referenceUnitPrice' in e).map((e) => e.hsPrefix)).toEqual(['3304']);
    });

    it('describes every entry', () => {
      expect(TARIFF_SEED.find((e) => e.hsPrefix === '9303')?.description).toBe('firearms');
      expect(TARIFF_SEED.every((e) => e.description.length > 0)).toBe(true);
    });

    it('cannot be changed by whoever reads it', () => {
      expect(Object.isFrozen(TARIFF_SEED)).toBe(true);
      expect(TARIFF_SEED.every((e) => Object.isFrozen(e))).toBe(true);
    });
  });

  describe('findTariffEntry', () => {
    const tariff = [anEntry('1901'), anEntry('19011010'), anEntry('190110'), anEntry('3304')];

    it.each([
      ['1901101000', '19011010'],
      ['1901109000', '190110'],
      ['1901200000', '1901'],
      ['3304990099', '3304'],
    ])('files %s under the longest matching prefix, %s', (hsCode, prefix) => {
      expect(findTariffEntry(tariff, hsCode)?.hsPrefix).toBe(prefix);
    });

    it('finds nothing for an HS code no prefix matches', () => {
      expect(findTariffEntry(tariff, '9999999999')).toBeUndefined();
      expect(findTariffEntry([], '3304990099')).toBeUndefined();
    });

    it('matches a full 10-digit prefix', () => {
      expect(findTariffEntry([anEntry('3304'), anEntry('3304990099')], '3304990099')?.hsPrefix).toBe('3304990099');
    });

    it('ignores entries whose prefix is not 4 to 10 digits', () => {
      expect(findTariffEntry([anEntry('33'), anEntry('330499x')], '3304990099')).toBeUndefined();
    });

    it('files the contract example items of the seed', () => {
      expect(findTariffEntry(TARIFF_SEED, '3304990099')?.description).toBe('beauty and make-up preparations');
      expect(findTariffEntry(TARIFF_SEED, '1901101000')?.description).toBe('infant formula');
      expect(findTariffEntry(TARIFF_SEED, '1901900000')).toBeUndefined();
    });
  });

  describe('isValidHsPrefix', () => {
    it.each(['3304', '190110', '3304990099'])('accepts %s', (prefix) => expect(isValidHsPrefix(prefix)).toBe(true));
    it.each(['330', '33049900991', '33O4', '', '3304 '])('refuses %j', (prefix) => expect(isValidHsPrefix(prefix)).toBe(false));
  });
});
