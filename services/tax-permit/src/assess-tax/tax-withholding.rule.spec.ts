import { settlementOf } from './tax-withholding.rule';

describe('settlementOf', () => {
  const now = new Date('2026-11-13T10:00:00Z');
  const day = 24 * 60 * 60 * 1000;

  it.each([
    ['direct mail, withheld by the platform: TAX_PAID at the next step, nothing due', 'DIRECT_MAIL', { withheld: true, status: 'TAX_PAID', lastStep: 6 }],
    ['bonded zone: TAX_ASSESSED, due a day later', 'BONDED_ZONE', { withheld: false, status: 'TAX_ASSESSED', lastStep: 5, dueBy: new Date('2026-11-14T10:00:00Z') }],
    ['general trade: TAX_ASSESSED, due a day later', 'GENERAL_TRADE', { withheld: false, status: 'TAX_ASSESSED', lastStep: 5, dueBy: new Date('2026-11-14T10:00:00Z') }],
  ] as const)('settles %s', (_, model, expected) => {
    expect(settlementOf(model, 5, now, day)).toEqual(expected);
  });
});
