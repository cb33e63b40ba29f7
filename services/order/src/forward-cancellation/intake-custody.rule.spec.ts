import { intakeCustodyOf } from './intake-custody.rule';

describe('intakeCustodyOf', () => {
  it('passes a cancellation of a confirmed order on to the declaration', () => {
    expect(intakeCustodyOf({ outcome: 'CONFIRMED' })).toEqual({ kind: 'HANDED_ON', to: 'declaration' });
  });

  it('ends it for an order rejected at intake, or never placed', () => {
    expect(intakeCustodyOf({ outcome: 'REJECTED' })).toEqual({ kind: 'ENDED', because: 'REJECTED' });
    expect(intakeCustodyOf(null)).toEqual({ kind: 'ENDED', because: 'UNKNOWN_ORDER' });
  });
});
