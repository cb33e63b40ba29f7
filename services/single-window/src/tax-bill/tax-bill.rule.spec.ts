import { matchesAssessment } from './tax-bill.rule';

const assessed = { duty: '0.00', consumptionTax: '51.64', vat: '44.75' };

describe('a CEB816 tax bill against the assessment (CONTRACT 8.4)', () => {
  it('matches when every tax is equal to the cent, however many decimals customs writes', () => {
    expect(matchesAssessment({ customsTax: '0', valueAddedTax: '44.75000', consumptionTax: '51.64' }, assessed)).toBe(true);
  });

  it.each([
    ['VAT one cent off', { customsTax: '0', valueAddedTax: '44.76', consumptionTax: '51.64' }],
    ['consumption tax one cent off', { customsTax: '0', valueAddedTax: '44.75', consumptionTax: '51.63' }],
    ['duty where none was assessed', { customsTax: '0.01', valueAddedTax: '44.75', consumptionTax: '51.64' }],
  ])('differs with %s', (_, bill) => {
    expect(matchesAssessment(bill, assessed)).toBe(false);
  });

  it('cannot say before the order is assessed', () => {
    expect(matchesAssessment({ customsTax: '0', valueAddedTax: '1', consumptionTax: '1' }, null)).toBeNull();
  });
});
