import { giveBackOfReturn, isEveryUnitBack, returnableLinesOf, ReturnableLine } from './return-refund';
import { sumMoney } from './money';

// The retail worked example of CONTRACT 4.3 with an odd quantity, so shares do not divide evenly:
// 3 x 199.00 + freight 20.00 of cosmetics (c 0.15, v 0.13): dv 617.00, full ct 108.8824 -> due
// 76.2176 = 76.22; full vat (617 + 108.8824) * 0.13 = 94.3647 -> due 66.0553 = 66.06.
const cream: ReturnableLine = { sku: 'CREAM', ordered: 3, dutiableValue: '617.00', duty: '0.00', consumptionTax: '76.22', vat: '66.06' };
// A general-trade style line with duty, to see all three taxes move: 7 units.
const watch: ReturnableLine = { sku: 'WATCH', ordered: 7, dutiableValue: '7000.07', duty: '560.01', consumptionTax: '1890.02', vat: '1228.51' };

describe('giveBackOfReturn: per line, each tax times returned / ordered, half-up to the cent', () => {
  it.each([
    // 1/3 of 76.22 = 25.4066.. -> 25.41; 1/3 of 66.06 = 22.02; 1/3 of 617.00 = 205.666.. -> 205.67
    ['one of three', 1, { duty: '0.00', consumptionTax: '25.41', vat: '22.02', quota: '205.67' }],
    // 2/3 of 76.22 = 50.8133 -> 50.81; 2/3 of 66.06 = 44.04; 2/3 of 617.00 = 411.333 -> 411.33
    ['two of three', 2, { duty: '0.00', consumptionTax: '50.81', vat: '44.04', quota: '411.33' }],
    ['all three', 3, { duty: '0.00', consumptionTax: '76.22', vat: '66.06', quota: '617.00' }],
  ])('refunds %s units as the contract says', (_, quantity, expected) => {
    const given = giveBackOfReturn([cream], {}, [{ sku: 'CREAM', quantity }]);
    expect(given.lines).toEqual([{ sku: 'CREAM', quantity, ...expected }]);
    expect(given.refund).toEqual({ duty: expected.duty, consumptionTax: expected.consumptionTax, vat: expected.vat, total: sumMoney([expected.duty, expected.consumptionTax, expected.vat]) });
    expect(given.quotaGivenBack).toBe(expected.quota);
  });

  it('rounds half-up at exactly half a cent', () => {
    // 1/2 of 0.05 = 0.025 -> 0.03; 1/2 of 0.01 = 0.005 -> 0.01
    const line: ReturnableLine = { sku: 'TINY', ordered: 2, dutiableValue: '0.01', duty: '0.05', consumptionTax: '0.00', vat: '0.01' };
    expect(giveBackOfReturn([line], {}, [{ sku: 'TINY', quantity: 1 }])).toMatchObject({ refund: { duty: '0.03', consumptionTax: '0.00', vat: '0.01', total: '0.04' }, quotaGivenBack: '0.01' });
  });

  it('sums the lines of a return into its refund and its quota', () => {
    const given = giveBackOfReturn([cream, watch], {}, [{ sku: 'WATCH', quantity: 1 }, { sku: 'CREAM', quantity: 1 }]);
    // 1/7 of 560.01 = 80.0014 -> 80.00; of 1890.02 = 270.0029 -> 270.00; of 1228.51 = 175.5014 -> 175.50; of 7000.07 = 1000.01
    expect(given.lines.map((line) => line.sku)).toEqual(['WATCH', 'CREAM']);
    expect(given.refund).toEqual({ duty: '80.00', consumptionTax: '295.41', vat: '197.52', total: '572.93' });
    expect(given.quotaGivenBack).toBe('1205.68');
  });
});

describe('giveBackOfReturn: partial returns add up to the whole', () => {
  it.each([
    ['1 + 1 + 1 of 3', [cream], [[1], [1], [1]]],
    ['2 + 1 of 3', [cream], [[2], [1]]],
    ['1 + 2 + 4 of 7', [watch], [[1], [2], [4]]],
    ['3 + 3 + 1 of 7', [watch], [[3], [3], [1]]],
  ] as [string, ReturnableLine[], number[][]][])('%s: the refunds and quotas sum to what the line was assessed', (_, lines, returns) => {
    const line = lines[0];
    let back = 0;
    const given = returns.map(([quantity]) => {
      const result = giveBackOfReturn(lines, { [line.sku]: back }, [{ sku: line.sku, quantity }]);
      back += quantity;
      return result;
    });
    expect(sumMoney(given.map((g) => g.refund.duty))).toBe(line.duty);
    expect(sumMoney(given.map((g) => g.refund.consumptionTax))).toBe(line.consumptionTax);
    expect(sumMoney(given.map((g) => g.refund.vat))).toBe(line.vat);
    expect(sumMoney(given.map((g) => g.quotaGivenBack))).toBe(line.dutiableValue);
  });

  it('gives the later share the cent the first one rounded away: 1/3 then 2/3', () => {
    const first = giveBackOfReturn([cream], {}, [{ sku: 'CREAM', quantity: 1 }]);
    const rest = giveBackOfReturn([cream], { CREAM: 1 }, [{ sku: 'CREAM', quantity: 2 }]);
    expect([first.quotaGivenBack, rest.quotaGivenBack]).toEqual(['205.67', '411.33']);
    expect([first.refund.consumptionTax, rest.refund.consumptionTax]).toEqual(['25.41', '50.81']);
  });

  it('refuses to give back more units than were ordered, or a sku not on the order', () => {
    expect(() => giveBackOfReturn([cream], { CREAM: 2 }, [{ sku: 'CREAM', quantity: 2 }])).toThrow(RangeError);
    expect(() => giveBackOfReturn([cream], {}, [{ sku: 'OTHER', quantity: 1 }])).toThrow(RangeError);
  });
});

describe('returnableLinesOf and isEveryUnitBack', () => {
  const items = [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 2 }, { sku: 'A', quantity: 3 }];
  const assessed = [
    { sku: 'A', dutiableValue: '10.00', duty: '1.00', consumptionTax: '0.00', vat: '1.43' },
    { sku: 'B', dutiableValue: '20.00', duty: '0.00', consumptionTax: '0.00', vat: '1.82' },
    { sku: 'A', dutiableValue: '30.00', duty: '3.00', consumptionTax: '0.00', vat: '4.29' },
  ];

  it('takes lines that share a sku as one returnable line', () => {
    expect(returnableLinesOf(items, assessed)).toEqual([
      { sku: 'A', ordered: 4, dutiableValue: '40.00', duty: '4.00', consumptionTax: '0.00', vat: '5.72' },
      { sku: 'B', ordered: 2, dutiableValue: '20.00', duty: '0.00', consumptionTax: '0.00', vat: '1.82' },
    ]);
  });

  it('is true only when every unit of every line is back', () => {
    const lines = returnableLinesOf(items, assessed);
    expect(isEveryUnitBack(lines, { A: 4, B: 1 })).toBe(false);
    expect(isEveryUnitBack(lines, { A: 4, B: 2 })).toBe(true);
  });
});
