import { Decimal } from 'decimal.js';
import { D, isMoneyString, Money, sumMoney, toMoney } from './money';

describe('money', () => {
  describe('toMoney', () => {
    it.each([
      ['418', '418.00'],
      ['20.5', '20.50'],
      ['0', '0.00'],
      ['51.635294117647', '51.64'],
      ['44.750588235294', '44.75'],
      ['1.365', '1.37'],
      ['1.364999999', '1.36'],
      ['0.005', '0.01'],
      ['0.0049', '0.00'],
      ['123456789012.345', '123456789012.35'],
    ])('writes %s as %s (2 decimals, half-up)', (value, expected) => {
      expect(toMoney(value)).toBe(expected);
    });

    it('accepts a Decimal, including one of the global constructor', () => {
      expect(toMoney(new Decimal('2.675'))).toBe('2.68');
      expect(toMoney(new Money('418').dividedBy('0.85').times('0.15'))).toBe('73.76');
    });

    it('rounds half-up where banker rounding would go down', () => {
      expect(toMoney('0.125')).toBe('0.13');
      expect(toMoney('2.665')).toBe('2.67');
    });
  });

  describe('sumMoney', () => {
    it('adds amounts exactly, where binary floats would not', () => {
      expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
      expect(sumMoney(['199.00', '199.00', '20.00', '0.00'])).toBe('418.00');
    });

    it('is 0.00 for nothing', () => {
      expect(sumMoney([])).toBe('0.00');
    });
  });

  describe('isMoneyString', () => {
    it.each(['0', '0.00', '199.00', '20.5', '5000', '26000.00'])('accepts %s', (value) => {
      expect(isMoneyString(value)).toBe(true);
    });

    it.each(['-1.00', '1.234', '1e3', '01.00', '.50', '1.', '', ' 1.00', '1,00', 'NaN', 'Infinity'])('refuses %j', (value) => {
      expect(isMoneyString(value)).toBe(false);
    });

    it('refuses anything but a string', () => {
      expect(isMoneyString(199)).toBe(false);
      expect(isMoneyString(undefined)).toBe(false);
    });
  });

  it('computes with 40 significant digits without touching the global Decimal configuration', () => {
    expect(D).toBe(Money);
    expect(Money.precision).toBe(40);
    expect(Money.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(20);
    expect(new Money(1).dividedBy(3).toString()).toBe(`0.${'3'.repeat(40)}`);
  });
});
