import { customsReceiptEffect, isListedToOps } from './customs-receipts';

describe('what a CEB622 returnStatus means (CONTRACT 8.4)', () => {
  it.each([
    ['1', 'PRE_NO'],
    ['2', 'PRE_NO'],
    ['3', 'PRE_NO'],
    ['120', 'ACCEPTED'],
    ['300', 'HELD'],
    ['500', 'HELD'],
    ['399', 'RELEASED'],
    ['800', 'RELEASED'],
    ['100', 'RETURNED'],
    ['501', 'DETAINED'],
    ['502', 'DETAINED'],
    ['503', 'DETAINED'],
    ['599', 'DETAINED'],
    ['700', 'DETAINED'],
    ['899', 'CLOSED'],
    ['4', 'REFUSED'],
    ['-1', 'REFUSED'],
    ['-301010', 'REFUSED'],
    [' 800 ', 'RELEASED'],
    ['42', 'NONE'],
    ['', 'NONE'],
  ])('%s is %s', (code, effect) => {
    expect(customsReceiptEffect(code)).toBe(effect);
  });

  it('lists refusals and returns to ops, nothing else', () => {
    expect(['4', '-1', '100', '120', '800', '500'].filter(isListedToOps)).toEqual(['4', '-1', '100']);
  });
});
