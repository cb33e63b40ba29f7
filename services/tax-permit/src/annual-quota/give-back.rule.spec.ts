import { quotaOfReturnToGiveBack, quotaToGiveBack, totalAfterGiveBack } from './give-back.rule';

describe('quotaToGiveBack', () => {
  it.each([
    ['an order that counted gives its amount back', { amount: '418.00', givenBackAt: null }, '418.00'],
    ['an amount read from numeric is written with 2 decimals', { amount: '6500', givenBackAt: null }, '6500.00'],
    ['an order given back already gives nothing again', { amount: '418.00', givenBackAt: new Date() }, undefined],
    ['an order that counted nothing gives nothing', { amount: '0.00', givenBackAt: null }, undefined],
    ['an order with no ledger entry (general trade) gives nothing', undefined, undefined],
    ['a missing row gives nothing', null, undefined],
  ])('%s', (_, entry, expected) => {
    expect(quotaToGiveBack(entry)).toBe(expected);
  });
});

describe('totalAfterGiveBack', () => {
  it.each([
    ['takes the amount off the total', '20418.00', '418.00', '20000.00'],
    ['may reach zero', '418.00', '418.00', '0.00'],
    ['never goes below zero', '100.00', '418.00', '0.00'],
  ])('%s', (_, total, amount, expected) => {
    expect(totalAfterGiveBack(total, amount)).toBe(expected);
  });
});

describe('quotaToGiveBack after returns', () => {
  it('gives back only what returns left of the order', () => {
    expect(quotaToGiveBack({ amount: '617.00', givenBackAt: null, givenBack: '205.67' })).toBe('411.33');
    expect(quotaToGiveBack({ amount: '617.00', givenBackAt: null, givenBack: '617' })).toBeUndefined();
  });
});

describe('quotaOfReturnToGiveBack', () => {
  it.each([
    ['a return gives back its part', { amount: '617.00', givenBackAt: null, givenBack: '0' }, '205.67', '205.67'],
    ['the last part, what is left', { amount: '617.00', givenBackAt: null, givenBack: '411.33' }, '205.67', '205.67'],
    ['never more than the order still counts', { amount: '617.00', givenBackAt: null, givenBack: '500.00' }, '205.67', '117.00'],
    ['nothing once the order was given back whole', { amount: '617.00', givenBackAt: new Date(), givenBack: '0' }, '205.67', undefined],
    ['nothing for an order that counted nothing', undefined, '205.67', undefined],
    ['nothing for a return that gives back nothing', { amount: '617.00', givenBackAt: null, givenBack: '0' }, '0.00', undefined],
  ])('%s', (_, entry, asked, expected) => {
    expect(quotaOfReturnToGiveBack(entry, asked)).toBe(expected);
  });
});
