import { taxBillMatchesAssessment } from './tax-bill';

const assessed = { duty: '0.00', vat: '44.75', consumptionTax: '51.64' };

describe('taxBillMatchesAssessment', () => {
  it.each([
    ['the same amounts', true, { customsTax: '0.00', valueAddedTax: '44.75', consumptionTax: '51.64' }],
    ['amounts written with 5 decimals', true, { customsTax: '0', valueAddedTax: '44.75000', consumptionTax: '51.64000' }],
    ['unrounded amounts that round to the assessed cents', true, { customsTax: '0.00000', valueAddedTax: '44.75059', consumptionTax: '51.63529' }],
    ['VAT a cent off', false, { customsTax: '0.00', valueAddedTax: '44.76', consumptionTax: '51.64' }],
    ['consumption tax a cent off', false, { customsTax: '0.00', valueAddedTax: '44.75', consumptionTax: '51.63' }],
    ['duty charged where none was assessed', false, { customsTax: '0.01', valueAddedTax: '44.75', consumptionTax: '51.64' }],
    ['an amount that is not a decimal', false, { customsTax: 'none', valueAddedTax: '44.75', consumptionTax: '51.64' }],
    ['an empty amount', false, { customsTax: '', valueAddedTax: '44.75', consumptionTax: '51.64' }],
  ])('%s: matches %p', (_, matches, bill) => {
    expect(taxBillMatchesAssessment(bill, assessed)).toBe(matches);
  });
});
