import { shareFreight } from './freight-share';
import { sumMoney } from './money';

describe('shareFreight', () => {
  it('gives all of it to a single line', () => {
    expect(shareFreight(['398.00'], '20.00')).toEqual(['20.00']);
  });

  it('shares in proportion to line value when the cents divide evenly', () => {
    // 3000 cents over 100 : 200 : 300 -> 500, 1000, 1500
    expect(shareFreight(['100.00', '200.00', '300.00'], '30.00')).toEqual(['5.00', '10.00', '15.00']);
  });

  it('gives the leftover cents to the largest fractional parts', () => {
    // 1000 cents over 100 : 50 : 30 (of 180) -> 555.56, 277.78, 166.67: floors 555 + 277 + 166 = 998,
    // 2 left over go to the fractions .78 and .67 -> 555, 278, 167
    expect(shareFreight(['100.00', '50.00', '30.00'], '10.00')).toEqual(['5.55', '2.78', '1.67']);
  });

  it('breaks a tie between equal fractional parts in favour of the earlier line', () => {
    // 10 cents over three equal lines -> 3.33 each: floors 9, the 1 left over goes to line 1
    expect(shareFreight(['1.00', '1.00', '1.00'], '0.10')).toEqual(['0.04', '0.03', '0.03']);
  });

  it('breaks a tie behind a larger line in favour of the earlier of the tied lines', () => {
    // 2 cents over 2 : 1 : 1 -> 1, 0.5, 0.5: floors 1, 0, 0; the 1 left over goes to line 2, not 3
    expect(shareFreight(['2.00', '1.00', '1.00'], '0.02')).toEqual(['0.01', '0.01', '0.00']);
  });

  it('ranks lines by fractional part, not by the size of their share', () => {
    // 5 cents over 1 : 1 : 3 (of 5) -> 1, 1, 3 exactly; 7 cents -> 1.4, 1.4, 4.2: floors 1, 1, 4 = 6,
    // the 1 left over goes to the .4 of line 1 (tie with line 2), not to the .2 of line 3
    expect(shareFreight(['1.00', '1.00', '3.00'], '0.05')).toEqual(['0.01', '0.01', '0.03']);
    expect(shareFreight(['1.00', '1.00', '3.00'], '0.07')).toEqual(['0.02', '0.01', '0.04']);
  });

  it('shares nothing when there is nothing to share', () => {
    expect(shareFreight(['199.00', '1.00'], '0.00')).toEqual(['0.00', '0.00']);
  });

  it('always adds up to the amount shared', () => {
    const values = ['19.99', '0.01', '333.33', '7.00', '1250.50'];
    for (const amount of ['0.01', '0.99', '13.37', '100.00', '9999.99']) {
      expect(sumMoney(shareFreight(values, amount))).toBe(amount);
    }
  });

  it('shares equally when every line is worth 0 (a guard: unit prices are above zero)', () => {
    expect(shareFreight(['0.00', '0.00', '0.00'], '0.10')).toEqual(['0.04', '0.03', '0.03']);
  });

  it('refuses to share over no lines, or amounts finer than a cent', () => {
    expect(() => shareFreight([], '1.00')).toThrow(RangeError);
    expect(() => shareFreight(['1.00'], '0.005')).toThrow(RangeError);
  });
});
