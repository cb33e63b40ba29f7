import { ANNUAL_LIMIT, decideRetailRegime, exceedsAnnualLimit, quotaYear, RetailOrderSize, SINGLE_ORDER_LIMIT } from './retail-limits';

function anOrderOf(dutiableTotal: string, quantities: number[] = [2], annualTotalBefore = '0.00'): RetailOrderSize {
  return { dutiableTotal, annualTotalBefore, lines: quantities.map((quantity) => ({ quantity })) };
}

describe('retail limits', () => {
  it('are 5000.00 per order and 26000.00 per year', () => {
    expect([SINGLE_ORDER_LIMIT, ANNUAL_LIMIT]).toEqual(['5000.00', '26000.00']);
  });

  describe('decideRetailRegime', () => {
    it.each([
      ['an order of 418.00', anOrderOf('418.00'), { ok: true, regime: 'CBEC_RETAIL' }],
      ['an order of exactly 5000.00', anOrderOf('5000.00', [1, 3]), { ok: true, regime: 'CBEC_RETAIL' }],
      ['several items at 5000.01', anOrderOf('5000.01', [1, 1]), { ok: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' }],
      ['one line of quantity 2 at 5000.01', anOrderOf('5000.01', [2]), { ok: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' }],
      ['a single item of quantity 1 at 5000.01', anOrderOf('5000.01', [1]), { ok: true, regime: 'CBEC_RETAIL_FULL_RATE' }],
      ['a single item of quantity 1 at 25000.00', anOrderOf('25000.00', [1]), { ok: true, regime: 'CBEC_RETAIL_FULL_RATE' }],
      ['an order bringing the year to exactly 26000.00', anOrderOf('418.00', [2], '25582.00'), { ok: true, regime: 'CBEC_RETAIL' }],
      ['an order bringing the year to 26000.01', anOrderOf('418.00', [2], '25582.01'), { ok: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' }],
      ['a single item of 5000.01 bringing the year to 26000.01', anOrderOf('5000.01', [1], '21000.00'), { ok: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' }],
      ['a single item of 5000.01 bringing the year to exactly 26000.00', anOrderOf('5000.01', [1], '20999.99'), { ok: true, regime: 'CBEC_RETAIL_FULL_RATE' }],
      ['several items over both limits (single limit first)', anOrderOf('5000.01', [1, 1], '25000.00'), { ok: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' }],
      ['a consumer already over the year', anOrderOf('0.01', [1], '26000.00'), { ok: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' }],
    ])('decides %s', (_, order, decision) => {
      expect(decideRetailRegime(order)).toEqual(decision);
    });
  });

  describe('exceedsAnnualLimit', () => {
    it.each([
      ['0.00', '26000.00', false],
      ['25999.99', '0.01', false],
      ['25999.99', '0.02', true],
      ['26000.00', '0.01', true],
    ])('%s before + %s now exceeds: %s', (before, now, exceeds) => {
      expect(exceedsAnnualLimit(before, now)).toBe(exceeds);
    });
  });

  describe('quotaYear', () => {
    it.each([
      ['2026-11-11T00:00:01+08:00', 2026],
      ['2026-12-31T23:59:59+08:00', 2026],
      ['2026-12-31T16:00:00Z', 2027],
      ['2026-12-31T15:59:59Z', 2026],
      ['2027-01-01T00:30:00+09:00', 2026],
    ])('counts an order placed at %s toward %i (China time)', (placedAt, year) => {
      expect(quotaYear(placedAt)).toBe(year);
    });

    it('refuses what is not a date-time', () => {
      expect(() => quotaYear('yesterday')).toThrow(RangeError);
    });
  });
});
