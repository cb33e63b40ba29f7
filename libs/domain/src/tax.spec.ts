import type { ClearanceModel } from '@cbec/contracts';
import { findTariffEntry, TARIFF_SEED } from './tariff';
import { assessTax, dutiableValuesOf, RETAIL_TAX_FACTOR, TaxAssessed, TaxAssessment, TaxInput, TaxRates } from './tax';

// Expected amounts are worked out by hand from CONTRACT 4.3 (the arithmetic is in the comments)
// and were cross-checked with an exact rational-number calculation, not taken from this code.
// Rates come from the seed (CONTRACT 4.1) as d / c / v: cosmetics 0.01 / 0.15 / 0.13, formula
// 0.15 / 0 / 0.13, wine 0.14 / 0.10 / 0.13, phones 0 / 0 / 0.13, t-shirts 0.06 / 0 / 0.13,
// handbags 0.10 / 0 / 0.13, watches 0.08 / 0.20 / 0.13, books 0 / 0 / 0.09.
const HS_CODES = {
  cosmetics: '3304990099',
  formula: '1901101000',
  wine: '2204210000',
  phones: '8517130000',
  tshirts: '6109100000',
  handbags: '4202210000',
  watches: '9102110000',
  books: '4901990000',
};
type Goods = keyof typeof HS_CODES;

function ratesOf(goods: Goods): TaxRates {
  const entry = findTariffEntry(TARIFF_SEED, HS_CODES[goods]);
  if (!entry) throw new Error(`no seed entry for ${goods}`);
  return { dutyRate: entry.dutyRate, consumptionTaxRate: entry.consumptionTaxRate, vatRate: entry.vatRate };
}

class TaxInputBuilder {
  private input: TaxInput = { model: 'BONDED_ZONE', lines: [], freight: '0.00', insurance: '0.00', annualTotalBefore: '0.00' };

  constructor(model: ClearanceModel) {
    this.input.model = model;
  }

  withItem(goods: Goods, quantity: number, unitPrice: string, rates = ratesOf(goods)): this {
    this.input.lines = [...this.input.lines, { sku: `${goods}-${this.input.lines.length + 1}`, quantity, unitPrice, rates }];
    return this;
  }

  withFreight(freight: string, insurance = '0.00'): this {
    this.input = { ...this.input, freight, insurance };
    return this;
  }

  withAnnualTotalBefore(annualTotalBefore: string): this {
    this.input = { ...this.input, annualTotalBefore };
    return this;
  }

  build(): TaxInput {
    return { ...this.input, lines: [...this.input.lines] };
  }
}

const aBondedOrder = () => new TaxInputBuilder('BONDED_ZONE');
const aDirectMailOrder = () => new TaxInputBuilder('DIRECT_MAIL');
const aGeneralTradeOrder = () => new TaxInputBuilder('GENERAL_TRADE');

function assessed(order: TaxInputBuilder): TaxAssessed {
  const result: TaxAssessment = assessTax(order.build());
  if (!result.ok) throw new Error(`expected an assessment, got ${result.reasonCode}`);
  return result;
}

/** A one-line order's assessment in one row: [regime, dutiable value, duty, ct, vat, total]. */
function row(order: TaxInputBuilder): string[] {
  const result = assessed(order);
  expect(result.lines).toHaveLength(1);
  const [line] = result.lines;
  expect([result.totals.duty, result.totals.consumptionTax, result.totals.vat]).toEqual([line.duty, line.consumptionTax, line.vat]);
  return [result.regime, line.dutiableValue, line.duty, line.consumptionTax, line.vat, result.totals.total];
}

describe('assessTax', () => {
  describe('the worked examples of CONTRACT 4.3', () => {
    it('taxes 2 x 199.00 face cream + 20.00 freight in a bonded zone at 70% of ct and vat, without duty', () => {
      // dv 398.00 + 20.00 = 418.00; full ct 418 / 0.85 * 0.15 = 73.7647, due * 0.7 = 51.6353 -> 51.64;
      // full vat (418 + 73.7647) * 0.13 = 63.9294, due * 0.7 = 44.7506 -> 44.75; total 96.39
      expect(assessed(aBondedOrder().withItem('cosmetics', 2, '199.00').withFreight('20.00'))).toEqual({
        ok: true,
        regime: 'CBEC_RETAIL',
        dutiableTotal: '418.00',
        lines: [{ sku: 'cosmetics-1', dutiableValue: '418.00', duty: '0.00', consumptionTax: '51.64', vat: '44.75' }],
        totals: { duty: '0.00', consumptionTax: '51.64', vat: '44.75', total: '96.39' },
        countsTowardAnnual: '418.00',
      });
    });

    it('taxes 2 x 150.00 wine + 30.00 freight + 5.00 insurance in general trade at full rates', () => {
      // dv 300 + 35 = 335.00; duty 335 * 0.14 = 46.90; ct 381.90 / 0.9 * 0.1 = 42.4333 -> 42.43;
      // vat (381.90 + 42.4333) * 0.13 = 55.1633 -> 55.16; total 46.90 + 42.43 + 55.16 = 144.49
      expect(assessed(aGeneralTradeOrder().withItem('wine', 2, '150.00').withFreight('30.00', '5.00'))).toEqual({
        ok: true,
        regime: 'GENERAL_TRADE',
        dutiableTotal: '335.00',
        lines: [{ sku: 'wine-1', dutiableValue: '335.00', duty: '46.90', consumptionTax: '42.43', vat: '55.16' }],
        totals: { duty: '46.90', consumptionTax: '42.43', vat: '55.16', total: '144.49' },
        countsTowardAnnual: '0.00',
      });
    });
  });

  describe('each rate mix of the seed', () => {
    it.each([
      // 3 x 228.00 + 16.00 = 700.00; vat 700 * 0.13 * 0.7 = 63.70
      ['infant formula, retail', aBondedOrder().withItem('formula', 3, '228.00').withFreight('16.00'), ['CBEC_RETAIL', '700.00', '0.00', '0.00', '63.70', '63.70']],
      // duty 700 * 0.15 = 105.00; vat 805 * 0.13 = 104.65; total 209.65
      ['infant formula, general trade', aGeneralTradeOrder().withItem('formula', 3, '228.00').withFreight('16.00'), ['GENERAL_TRADE', '700.00', '105.00', '0.00', '104.65', '209.65']],
      // 2 x 120.00 = 240.00; full ct 240 / 0.9 * 0.1 = 26.6667, due 18.6667 -> 18.67;
      // full vat 266.6667 * 0.13 = 34.6667, due 24.2667 -> 24.27; total 42.94
      ['wine, retail', aDirectMailOrder().withItem('wine', 2, '120.00'), ['CBEC_RETAIL', '240.00', '0.00', '18.67', '24.27', '42.94']],
      // 6 x 88.00 + 40.00 + 2.00 = 570.00; duty 79.80; ct 649.80 / 0.9 * 0.1 = 72.20; vat 722.00 * 0.13 = 93.86
      ['wine, general trade', aGeneralTradeOrder().withItem('wine', 6, '88.00').withFreight('40.00', '2.00'), ['GENERAL_TRADE', '570.00', '79.80', '72.20', '93.86', '245.86']],
      // 1 x 4999.00 + 1.00 = 5000.00, at the single limit; vat 5000 * 0.13 * 0.7 = 455.00
      ['a phone, retail', aDirectMailOrder().withItem('phones', 1, '4999.00').withFreight('1.00'), ['CBEC_RETAIL', '5000.00', '0.00', '0.00', '455.00', '455.00']],
      // vat 6999 * 0.13 = 909.87
      ['a phone, general trade', aGeneralTradeOrder().withItem('phones', 1, '6999.00'), ['GENERAL_TRADE', '6999.00', '0.00', '0.00', '909.87', '909.87']],
      // 5 x 39.90 + 10.00 = 209.50; vat 209.50 * 0.091 = 19.0645 -> 19.06
      ['t-shirts, retail', aBondedOrder().withItem('tshirts', 5, '39.90').withFreight('10.00'), ['CBEC_RETAIL', '209.50', '0.00', '0.00', '19.06', '19.06']],
      // duty 209.50 * 0.06 = 12.57; vat 222.07 * 0.13 = 28.8691 -> 28.87; total 41.44
      ['t-shirts, general trade', aGeneralTradeOrder().withItem('tshirts', 5, '39.90').withFreight('10.00'), ['GENERAL_TRADE', '209.50', '12.57', '0.00', '28.87', '41.44']],
      // 800.00 + 20.00 = 820.00; vat 820 * 0.091 = 74.62
      ['a handbag, retail', aBondedOrder().withItem('handbags', 1, '800.00').withFreight('20.00'), ['CBEC_RETAIL', '820.00', '0.00', '0.00', '74.62', '74.62']],
      // duty 82.00; vat 902 * 0.13 = 117.26; total 199.26
      ['a handbag, general trade', aGeneralTradeOrder().withItem('handbags', 1, '800.00').withFreight('20.00'), ['GENERAL_TRADE', '820.00', '82.00', '0.00', '117.26', '199.26']],
      // full ct 1000 / 0.8 * 0.2 = 250, due 175.00; full vat 1250 * 0.13 = 162.50, due 113.75; total 288.75
      ['a watch, retail', aDirectMailOrder().withItem('watches', 1, '1000.00'), ['CBEC_RETAIL', '1000.00', '0.00', '175.00', '113.75', '288.75']],
      // duty 80.00; ct 1080 / 0.8 * 0.2 = 270.00; vat 1350 * 0.13 = 175.50; total 525.50
      ['a watch, general trade', aGeneralTradeOrder().withItem('watches', 1, '1000.00'), ['GENERAL_TRADE', '1000.00', '80.00', '270.00', '175.50', '525.50']],
      // 4 x 25.00 = 100.00; vat 100 * 0.09 * 0.7 = 6.30 (the 6.3% combined rate)
      ['books, retail', aBondedOrder().withItem('books', 4, '25.00'), ['CBEC_RETAIL', '100.00', '0.00', '0.00', '6.30', '6.30']],
      // vat 100 * 0.09 = 9.00
      ['books, general trade', aGeneralTradeOrder().withItem('books', 4, '25.00'), ['GENERAL_TRADE', '100.00', '0.00', '0.00', '9.00', '9.00']],
    ])('%s', (_, order, expected) => {
      expect(row(order)).toEqual(expected);
    });
  });

  describe('rounding', () => {
    it('rounds a half cent up: t-shirt vat 15.00 * 0.091 = 1.365 -> 1.37', () => {
      expect(row(aBondedOrder().withItem('tshirts', 1, '15.00'))).toEqual(['CBEC_RETAIL', '15.00', '0.00', '0.00', '1.37', '1.37']);
    });

    it('rounds a half-cent duty up and computes vat on the unrounded duty', () => {
      // duty 10.25 * 0.06 = 0.615 -> 0.62; vat (10.25 + 0.615) * 0.13 = 1.41245 -> 1.41
      expect(row(aGeneralTradeOrder().withItem('tshirts', 1, '10.25'))).toEqual(['GENERAL_TRADE', '10.25', '0.62', '0.00', '1.41', '2.03']);
    });

    it('rounds a half-cent consumption tax due up: watch 10.20 -> full ct 2.55, due 1.785 -> 1.79', () => {
      // full vat (10.20 + 2.55) * 0.13 = 1.6575, due 1.16025 -> 1.16; total 2.95
      expect(row(aBondedOrder().withItem('watches', 1, '10.20'))).toEqual(['CBEC_RETAIL', '10.20', '0.00', '1.79', '1.16', '2.95']);
    });

    it('computes retail vat on the unrounded full consumption tax', () => {
      // 99.01 + 5.00 = 104.01; full ct 104.01 / 0.85 * 0.15 = 18.354706, due 12.848294 -> 12.85;
      // vat (104.01 + 18.354706) * 0.13 * 0.7 = 11.135188 -> 11.14, where the rounded full ct 18.35
      // would give (104.01 + 18.35) * 0.13 * 0.7 = 11.13476 -> 11.13
      expect(row(aBondedOrder().withItem('cosmetics', 1, '99.01').withFreight('5.00'))).toEqual(['CBEC_RETAIL', '104.01', '0.00', '12.85', '11.14', '23.99']);
    });

    it('sums the rounded lines into the totals, not the unrounded amounts', () => {
      // each line vat 14.00 * 0.091 = 1.274 -> 1.27; totals 3 x 1.27 = 3.81, where 3 x 1.274 = 3.822 -> 3.82
      const result = assessed(aBondedOrder().withItem('tshirts', 1, '14.00').withItem('tshirts', 1, '14.00').withItem('tshirts', 1, '14.00'));
      expect(result.lines.map((line) => line.vat)).toEqual(['1.27', '1.27', '1.27']);
      expect(result.totals).toEqual({ duty: '0.00', consumptionTax: '0.00', vat: '3.81', total: '3.81' });
    });
  });

  describe('several lines', () => {
    // freight 8.00 + insurance 2.00 = 1000 cents over 100 : 50 : 30 -> 555.56, 277.78, 166.67;
    // floors 998, the 2 cents left go to .78 and .67: shares 5.55, 2.78, 1.67; dv 105.55, 52.78, 31.67
    const mixedOrder = (order: TaxInputBuilder) =>
      order.withItem('cosmetics', 1, '100.00').withItem('tshirts', 1, '50.00').withItem('books', 1, '30.00').withFreight('8.00', '2.00');

    it('shares freight and insurance over the lines and taxes each line at its own rates (retail)', () => {
      // cosmetics: full ct 105.55 / 0.85 * 0.15 = 18.626471, due 13.038529 -> 13.04;
      //   full vat (105.55 + 18.626471) * 0.13 = 16.142941, due 11.300059 -> 11.30
      // t-shirts: vat 52.78 * 0.091 = 4.80298 -> 4.80; books: vat 31.67 * 0.063 = 1.99521 -> 2.00
      expect(assessed(mixedOrder(aBondedOrder()))).toEqual({
        ok: true,
        regime: 'CBEC_RETAIL',
        dutiableTotal: '190.00',
        lines: [
          { sku: 'cosmetics-1', dutiableValue: '105.55', duty: '0.00', consumptionTax: '13.04', vat: '11.30' },
          { sku: 'tshirts-2', dutiableValue: '52.78', duty: '0.00', consumptionTax: '0.00', vat: '4.80' },
          { sku: 'books-3', dutiableValue: '31.67', duty: '0.00', consumptionTax: '0.00', vat: '2.00' },
        ],
        totals: { duty: '0.00', consumptionTax: '13.04', vat: '18.10', total: '31.14' },
        countsTowardAnnual: '190.00',
      });
    });

    it('shares freight and insurance over the lines and taxes each line at its own rates (general trade)', () => {
      // cosmetics: duty 1.0555 -> 1.06; ct 106.6055 / 0.85 * 0.15 = 18.812735 -> 18.81;
      //   vat (106.6055 + 18.812735) * 0.13 = 16.304371 -> 16.30
      // t-shirts: duty 52.78 * 0.06 = 3.1668 -> 3.17; vat 55.9468 * 0.13 = 7.273084 -> 7.27
      // books: vat 31.67 * 0.09 = 2.8503 -> 2.85
      const result = assessed(mixedOrder(aGeneralTradeOrder()));
      expect(result.lines.map((line) => [line.dutiableValue, line.duty, line.consumptionTax, line.vat])).toEqual([
        ['105.55', '1.06', '18.81', '16.30'],
        ['52.78', '3.17', '0.00', '7.27'],
        ['31.67', '0.00', '0.00', '2.85'],
      ]);
      expect(result.totals).toEqual({ duty: '4.23', consumptionTax: '18.81', vat: '26.42', total: '49.46' });
    });

    it('gives a leftover freight cent to the earlier of two lines with equal fractions', () => {
      // 0.01 over 1.00 : 1.00 -> 0.5 cent each: floors 0, 0; the cent goes to line 1
      expect(dutiableValuesOf(aBondedOrder().withItem('books', 1, '1.00').withItem('books', 1, '1.00').withFreight('0.01').build())).toEqual(['1.01', '1.00']);
    });

    it('gives all freight and insurance to a single line', () => {
      expect(dutiableValuesOf(aBondedOrder().withItem('books', 3, '33.33').withFreight('0.02', '0.01').build())).toEqual(['100.02']);
    });
  });

  describe('the single-order limit of 5000.00 (retail models)', () => {
    it('taxes an order of several items at exactly 5000.00 at the retail rate', () => {
      // 2 x 2500.00 = 5000.00; vat 5000 * 0.091 = 455.00
      expect(row(aBondedOrder().withItem('handbags', 2, '2500.00'))).toEqual(['CBEC_RETAIL', '5000.00', '0.00', '0.00', '455.00', '455.00']);
    });

    it('rejects an order of several items one cent above 5000.00', () => {
      expect(assessTax(aBondedOrder().withItem('handbags', 2, '2500.00').withFreight('0.01').build())).toEqual({ ok: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' });
    });

    it('rejects two lines of one item each above 5000.00', () => {
      expect(assessTax(aDirectMailOrder().withItem('phones', 1, '4000.00').withItem('watches', 1, '1000.01').build())).toEqual({ ok: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' });
    });

    it('charges full rates for a single item one cent above 5000.00, counted in the annual total', () => {
      // vat 5000.01 * 0.13 = 650.0013 -> 650.00
      const result = assessed(aDirectMailOrder().withItem('phones', 1, '4999.01').withFreight('1.00'));
      expect([result.regime, result.totals.total, result.countsTowardAnnual]).toEqual(['CBEC_RETAIL_FULL_RATE', '650.00', '5000.01']);
    });

    it('charges full rates, duty included, for a single cosmetics item above 5000.00', () => {
      // duty 5000.01 * 0.01 = 50.0001 -> 50.00; ct 5050.0101 / 0.85 * 0.15 = 891.178253 -> 891.18;
      // vat (5050.0101 + 891.178253) * 0.13 = 772.354486 -> 772.35; total 1713.53
      expect(row(aBondedOrder().withItem('cosmetics', 1, '5000.01'))).toEqual(['CBEC_RETAIL_FULL_RATE', '5000.01', '50.00', '891.18', '772.35', '1713.53']);
    });

    it('charges full rates for a single watch of 12000.00', () => {
      // duty 960.00; ct 12960 / 0.8 * 0.2 = 3240.00; vat 16200 * 0.13 = 2106.00; total 6306.00
      expect(row(aBondedOrder().withItem('watches', 1, '12000.00'))).toEqual(['CBEC_RETAIL_FULL_RATE', '12000.00', '960.00', '3240.00', '2106.00', '6306.00']);
    });
  });

  describe('the annual limit of 26000.00 (retail models)', () => {
    const faceCream = (order: TaxInputBuilder) => order.withItem('cosmetics', 2, '199.00').withFreight('20.00');

    it('taxes an order that brings the year to exactly 26000.00', () => {
      // 25582.00 + 418.00 = 26000.00
      const result = assessed(faceCream(aBondedOrder()).withAnnualTotalBefore('25582.00'));
      expect([result.regime, result.totals.total, result.countsTowardAnnual]).toEqual(['CBEC_RETAIL', '96.39', '418.00']);
    });

    it('rejects an order that brings the year one cent over 26000.00', () => {
      expect(assessTax(faceCream(aBondedOrder()).withAnnualTotalBefore('25582.01').build())).toEqual({ ok: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' });
    });

    it('rejects a single item above 5000.00 that would bring the year over 26000.00', () => {
      expect(assessTax(aDirectMailOrder().withItem('watches', 1, '6000.00').withAnnualTotalBefore('20000.01').build())).toEqual({ ok: false, reasonCode: 'ANNUAL_LIMIT_EXCEEDED' });
    });

    it('checks the single limit before the annual limit', () => {
      expect(assessTax(aBondedOrder().withItem('handbags', 3, '2000.00').withAnnualTotalBefore('25000.00').build())).toEqual({ ok: false, reasonCode: 'SINGLE_LIMIT_EXCEEDED' });
    });
  });

  describe('general trade', () => {
    it('is not limited by the single order or the annual limit, and counts nothing toward the year', () => {
      // 10 x 1000.00 = 10000.00; duty 1000.00; vat 11000 * 0.13 = 1430.00; total 2430.00
      const result = assessed(aGeneralTradeOrder().withItem('handbags', 10, '1000.00').withAnnualTotalBefore('30000.00'));
      expect([result.regime, result.dutiableTotal, result.totals.total, result.countsTowardAnnual]).toEqual(['GENERAL_TRADE', '10000.00', '2430.00', '0.00']);
    });
  });

  describe('the retail models', () => {
    it('tax direct mail and bonded zone orders alike', () => {
      const bonded = assessed(aBondedOrder().withItem('watches', 2, '333.33').withItem('wine', 1, '99.99').withFreight('12.34', '0.56'));
      const directMail = assessed(aDirectMailOrder().withItem('watches', 2, '333.33').withItem('wine', 1, '99.99').withFreight('12.34', '0.56'));
      expect(directMail).toEqual(bonded);
    });

    it('use a factor of 0.7', () => {
      expect(RETAIL_TAX_FACTOR).toBe('0.7');
    });
  });

  it('refuses a consumption tax rate of 1 or more, which has no meaning in (dv + duty) / (1 - c) * c', () => {
    const impossible = { dutyRate: '0', consumptionTaxRate: '1', vatRate: '0.13' };
    expect(() => assessTax(aGeneralTradeOrder().withItem('watches', 1, '1.00', impossible).build())).toThrow(RangeError);
  });
});
