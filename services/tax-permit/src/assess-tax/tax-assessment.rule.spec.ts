import type { OrderItemData } from '@cbec/contracts';
import { assessTax, TARIFF_SEED, TaxAssessed } from '@cbec/domain';
import { decideTax, limitExceededDetails, taxLinesOf, taxNoticeOf } from './tax-assessment.rule';

const item = (change: Partial<OrderItemData> = {}): OrderItemData => ({ sku: 'JP-CREAM-50', name: 'Face cream', hsCode: '3304990099', quantity: 2, unitPrice: '199.00', originCountry: 'JP', ...change });
const tariff = [...TARIFF_SEED, { ...TARIFF_SEED[0], hsPrefix: '330499', consumptionTaxRate: '0.30' }];

describe('taxLinesOf', () => {
  it('takes each item rates from its longest matching prefix', () => {
    const result = taxLinesOf([item(), item({ sku: 'LIP', hsCode: '3304100000' })], tariff);
    expect(result).toEqual({
      ok: true,
      lines: [
        { sku: 'JP-CREAM-50', quantity: 2, unitPrice: '199.00', rates: { dutyRate: '0.01', consumptionTaxRate: '0.30', vatRate: '0.13' } },
        { sku: 'LIP', quantity: 2, unitPrice: '199.00', rates: { dutyRate: '0.01', consumptionTaxRate: '0.15', vatRate: '0.13' } },
      ],
    });
  });

  it('names every item no tariff entry covers', () => {
    expect(taxLinesOf([item({ hsCode: '9999000000' }), item(), item({ hsCode: '1234567890' })], tariff)).toEqual({
      ok: false,
      details: [
        { field: 'items[0].hsCode', message: 'no tariff entry covers HS code 9999000000' },
        { field: 'items[2].hsCode', message: 'no tariff entry covers HS code 1234567890' },
      ],
    });
  });
});

describe('limitExceededDetails', () => {
  const rates = { dutyRate: '0', consumptionTaxRate: '0', vatRate: '0.13' };

  it('gives the dutiable total against the single-order limit', () => {
    const input = { model: 'BONDED_ZONE' as const, lines: [{ sku: 'A', quantity: 2, unitPrice: '2500.00', rates }], freight: '0.01', insurance: '0.00', annualTotalBefore: '0.00' };
    expect(limitExceededDetails('SINGLE_LIMIT_EXCEEDED', input, 2026)).toEqual([
      { message: 'the dutiable total 5000.01 is above the single-order limit of 5000.00, and the order is not a single item of quantity 1' },
    ]);
  });

  it('gives the year total, the order and their sum against the annual limit', () => {
    const input = { model: 'DIRECT_MAIL' as const, lines: [{ sku: 'A', quantity: 1, unitPrice: '6500.00', rates }], freight: '0.00', insurance: '0.00', annualTotalBefore: '20000.00' };
    expect(limitExceededDetails('ANNUAL_LIMIT_EXCEEDED', input, 2026)).toEqual([
      { message: "the consumer's 2026 total of 20000.00 plus this order's 6500.00 would be 26500.00, above the annual limit of 26000.00" },
    ]);
  });
});

describe('taxNoticeOf', () => {
  const lines = taxLinesOf([item()], TARIFF_SEED);
  const assessment = assessTax({ model: 'BONDED_ZONE', lines: lines.ok ? lines.lines : [], freight: '20.00', insurance: '0.00', annualTotalBefore: '0.00' }) as TaxAssessed;

  it('carries the worked retail example with its due date', () => {
    expect(taxNoticeOf(assessment, { assessmentId: 'TA-1', currency: 'CNY', withheld: false, dueBy: new Date('2026-11-14T00:00:00Z') })).toEqual({
      assessmentId: 'TA-1',
      regime: 'CBEC_RETAIL',
      currency: 'CNY',
      dutiableTotal: '418.00',
      lines: [{ sku: 'JP-CREAM-50', dutiableValue: '418.00', duty: '0.00', consumptionTax: '51.64', vat: '44.75' }],
      totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' },
      withheld: false,
      dueBy: '2026-11-14T00:00:00.000Z',
    });
  });

  it('has no due date when the platform withholds the tax', () => {
    const notice = taxNoticeOf(assessment, { assessmentId: 'TA-2', currency: 'CNY', withheld: true });
    expect(notice.withheld).toBe(true);
    expect(notice).not.toHaveProperty('dueBy');
  });
});

describe('decideTax', () => {
  const now = new Date('2026-11-13T10:00:00Z');
  const day = 24 * 60 * 60 * 1000;
  const declaration = (clearanceModel: 'DIRECT_MAIL' | 'BONDED_ZONE' | 'GENERAL_TRADE', unitPrice = '199.00') => ({ clearanceModel, freight: '20.00', insurance: '0.00', items: [item({ unitPrice })] });
  const decide = (d: Omit<ReturnType<typeof declaration>, 'items'> & { items: readonly OrderItemData[] }, annual?: { quotaYear: number; totalBefore: string }) => decideTax(d, taxLinesOf(d.items, TARIFF_SEED), annual, 5, now, day);
  const fresh = { quotaYear: 2026, totalBefore: '0.00' };

  it.each([
    ['a bonded retail order within the limits, due a day later', declaration('BONDED_ZONE'), fresh, { regime: 'CBEC_RETAIL', total: '96.39', status: 'TAX_ASSESSED', lastStep: 5 }],
    ['a direct-mail order, its tax withheld and paid at the next step', declaration('DIRECT_MAIL'), fresh, { regime: 'CBEC_RETAIL', total: '96.39', status: 'TAX_PAID', lastStep: 6 }],
    ['a general-trade order, with no account to count against', declaration('GENERAL_TRADE'), undefined, { regime: 'GENERAL_TRADE', status: 'TAX_ASSESSED', lastStep: 5 }],
  ] as const)('assesses %s', (_, d, annual, { regime, status, lastStep, ...rest }) => {
    const decision = decide(d, annual);
    expect(decision).toMatchObject({ kind: 'assessed', assessment: { regime }, settlement: { status, lastStep } });
    if ('total' in rest && decision.kind === 'assessed') expect(decision.assessment.totals.total).toBe(rest.total);
  });

  it.each([
    ['an item no tariff entry covers', { ...declaration('BONDED_ZONE'), items: [item({ hsCode: '9999000000' })] }, fresh, 'UNKNOWN_HS_CODE', 'no tariff entry covers HS code 9999000000'],
    ['a retail order above the single-order limit', declaration('BONDED_ZONE', '2600.00'), fresh, 'SINGLE_LIMIT_EXCEEDED', 'above the single-order limit of 5000.00'],
    ['a retail order over the annual limit', declaration('DIRECT_MAIL'), { quotaYear: 2026, totalBefore: '25800.00' }, 'ANNUAL_LIMIT_EXCEEDED', "the consumer's 2026 total of 25800.00"],
  ] as const)('rejects %s', (_, d, annual, reasonCode, message) => {
    expect(decide(d, annual)).toMatchObject({ kind: 'rejected', reasonCode, details: [{ message: expect.stringContaining(message) }] });
  });
});
