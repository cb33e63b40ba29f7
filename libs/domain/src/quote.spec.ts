import type { ClearanceModel, TariffEntryData } from '@cbec/contracts';
import { quoteLandedCost, QuoteInput } from './quote';
import { assessTax } from './tax';
import { TARIFF_SEED } from './tariff';
import { TaxedItem, taxLinesOf } from './tax-lines';

const cream = (quantity: number, unitPrice: string, sku = 'JP-CREAM-50'): TaxedItem => ({ sku, hsCode: '3304990099', quantity, unitPrice });
const wine = (quantity: number, unitPrice: string): TaxedItem => ({ sku: 'FR-WINE-750', hsCode: '2204210000', quantity, unitPrice });
const watch = (quantity: number, unitPrice: string): TaxedItem => ({ sku: 'CH-WATCH', hsCode: '9102110000', quantity, unitPrice });

function quote(model: ClearanceModel, items: TaxedItem[], change: Partial<QuoteInput> = {}) {
  return quoteLandedCost({ model, currency: 'CNY', items, freight: '0.00', insurance: '0.00', tariff: TARIFF_SEED, ...change });
}

/** What tax-permit's assessment says of the same order: the same taxLinesOf and assessTax. */
function assessmentOf(model: ClearanceModel, items: TaxedItem[], freight = '0.00', insurance = '0.00', annualTotalBefore = '0.00', tariff: readonly TariffEntryData[] = TARIFF_SEED) {
  const lines = taxLinesOf(items, tariff);
  if (!lines.ok) throw new Error('unclassified');
  return assessTax({ model, lines: lines.lines, freight, insurance, annualTotalBefore });
}

describe('quoteLandedCost: the worked examples of CONTRACT 4.3', () => {
  it('quotes the retail example (2 x 199.00 + freight 20.00, bonded) at 96.39, as assessed', () => {
    const answer = quote('BONDED_ZONE', [cream(2, '199.00')], { freight: '20.00' });
    expect(answer).toEqual({
      clearanceModel: 'BONDED_ZONE',
      admissible: true,
      regime: 'CBEC_RETAIL',
      currency: 'CNY',
      dutiableTotal: '418.00',
      lines: [{ sku: 'JP-CREAM-50', dutiableValue: '418.00', duty: '0.00', consumptionTax: '51.64', vat: '44.75' }],
      totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' },
    });
  });

  it('quotes the general-trade example (2 x 150.00 + 30.00 + 5.00 of wine) at 144.49, as assessed', () => {
    const answer = quote('GENERAL_TRADE', [wine(2, '150.00')], { freight: '30.00', insurance: '5.00' });
    expect(answer).toMatchObject({ admissible: true, regime: 'GENERAL_TRADE', dutiableTotal: '335.00', totals: { duty: '46.90', consumptionTax: '42.43', vat: '55.16', total: '144.49' } });
  });
});

describe('quoteLandedCost equals the assessment of the same order, for every regime', () => {
  const cases: [string, ClearanceModel, TaxedItem[], string, string, string][] = [
    ['CBEC_RETAIL, direct mail, several lines sharing freight', 'DIRECT_MAIL', [cream(1, '33.33'), cream(2, '66.67', 'LIP'), watch(1, '1000.00')], '10.01', '0.99', '0.00'],
    ['CBEC_RETAIL, bonded, near the annual limit', 'BONDED_ZONE', [cream(3, '1000.00')], '0.00', '0.00', '22999.99'],
    ['CBEC_RETAIL_FULL_RATE, one watch above 5000.00', 'BONDED_ZONE', [watch(1, '8000.00')], '25.00', '0.00', '1000.00'],
    ['CBEC_RETAIL_FULL_RATE, direct mail', 'DIRECT_MAIL', [watch(1, '5000.01')], '0.00', '0.00', '0.00'],
    ['GENERAL_TRADE, mixed goods with insurance', 'GENERAL_TRADE', [wine(3, '99.99'), cream(1, '10.00'), watch(2, '12000.00')], '17.00', '3.33', '25000.00'],
  ];

  it.each(cases)('%s', (_, model, items, freight, insurance, annualTotalBefore) => {
    const assessment = assessmentOf(model, items, freight, insurance, annualTotalBefore);
    if (!assessment.ok) throw new Error(`the case should be assessed, got ${assessment.reasonCode}`);
    const answer = quote(model, items, { freight, insurance, annualTotalBefore });
    expect(answer).toEqual({ clearanceModel: model, admissible: true, regime: assessment.regime, currency: 'CNY', dutiableTotal: assessment.dutiableTotal, lines: assessment.lines, totals: assessment.totals });
  });
});

describe('quoteLandedCost: what can be known before the order is placed', () => {
  it('is UNKNOWN_HS_CODE with no lines or totals when an item has no tariff entry', () => {
    const answer = quote('BONDED_ZONE', [cream(1, '10.00'), { sku: 'X', hsCode: '9999999999', quantity: 1, unitPrice: '5.00' }]);
    expect(answer).toEqual({ clearanceModel: 'BONDED_ZONE', admissible: false, reasonCode: 'UNKNOWN_HS_CODE', currency: 'CNY', dutiableTotal: '15.00' });
  });

  it('is PROHIBITED_GOODS before anything else the review finds, with the amounts', () => {
    const answer = quote('DIRECT_MAIL', [{ sku: 'MED', hsCode: '3004900000', quantity: 1, unitPrice: '10.00' }, { sku: 'GUN', hsCode: '9303100000', quantity: 1, unitPrice: '10.00' }]);
    expect(answer).toMatchObject({ admissible: false, reasonCode: 'PROHIBITED_GOODS', lines: expect.any(Array), totals: expect.any(Object) });
  });

  it('is NOT_ON_POSITIVE_LIST for retail models only', () => {
    const medicine = { sku: 'MED', hsCode: '3004900000', quantity: 1, unitPrice: '10.00' };
    expect(quote('BONDED_ZONE', [medicine])).toMatchObject({ admissible: false, reasonCode: 'NOT_ON_POSITIVE_LIST' });
    expect(quote('GENERAL_TRADE', [medicine])).toMatchObject({ admissible: true, regime: 'GENERAL_TRADE' });
  });

  it('is SINGLE_LIMIT_EXCEEDED above 5000.00 of several units, with full-rate amounts and no regime', () => {
    const answer = quote('BONDED_ZONE', [watch(2, '2500.00')], { freight: '0.01' });
    expect(answer).toMatchObject({ admissible: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED', dutiableTotal: '5000.01' });
    expect(answer).not.toHaveProperty('regime');
    const fullRate = assessmentOf('GENERAL_TRADE', [watch(2, '2500.00')], '0.01');
    expect(fullRate.ok && answer.totals).toEqual(fullRate.ok && fullRate.totals);
  });

  it('is ANNUAL_LIMIT_EXCEEDED against the consumer\'s annual total, the single limit first', () => {
    expect(quote('DIRECT_MAIL', [cream(1, '1000.00')], { annualTotalBefore: '25000.00' })).toMatchObject({ admissible: true, regime: 'CBEC_RETAIL' });
    expect(quote('DIRECT_MAIL', [cream(1, '1000.01')], { annualTotalBefore: '25000.00' })).toMatchObject({ admissible: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' });
    expect(quote('DIRECT_MAIL', [cream(6, '1000.00')], { annualTotalBefore: '25000.00' })).toMatchObject({ admissible: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' });
  });

  it('is ANNUAL_LIMIT_EXCEEDED without a consumer only for an order alone over the annual limit', () => {
    expect(quote('BONDED_ZONE', [watch(1, '26000.00')])).toMatchObject({ admissible: true, regime: 'CBEC_RETAIL_FULL_RATE' });
    expect(quote('BONDED_ZONE', [watch(1, '26000.01')])).toMatchObject({ admissible: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' });
  });

  it('puts a review rejection before a limit', () => {
    expect(quote('BONDED_ZONE', [{ sku: 'MED', hsCode: '3004900000', quantity: 10, unitPrice: '1000.00' }])).toMatchObject({ reasonCode: 'NOT_ON_POSITIVE_LIST' });
  });

  it('is UNSUPPORTED_CURRENCY for a currency other than CNY, without amounts', () => {
    expect(quote('BONDED_ZONE', [cream(2, '199.00')], { currency: 'USD', freight: '20.00' })).toEqual({ clearanceModel: 'BONDED_ZONE', admissible: false, reasonCode: 'UNSUPPORTED_CURRENCY', currency: 'USD', dutiableTotal: '418.00' });
  });

  it('follows the tariff it is given: an edited rate changes the quote as it changes the assessment', () => {
    const tariff = [...TARIFF_SEED, { ...TARIFF_SEED[0], hsPrefix: '330499', consumptionTaxRate: '0.30' }];
    const assessment = assessmentOf('BONDED_ZONE', [cream(2, '199.00')], '20.00', '0.00', '0.00', tariff);
    expect(quote('BONDED_ZONE', [cream(2, '199.00')], { freight: '20.00', tariff }).totals).toEqual(assessment.ok && assessment.totals);
  });
});
