import { declarationCustodyOf } from './declaration-custody.rule';

describe('declarationCustodyOf', () => {
  it('passes a cancellation on to logistics while its documents are awaited, to inspection once filed', () => {
    expect(declarationCustodyOf({ status: 'AWAITING_DOCUMENTS' })).toEqual({ kind: 'HANDED_ON', to: 'logistics' });
    expect(declarationCustodyOf({ status: 'SUBMITTED' })).toEqual({ kind: 'HANDED_ON', to: 'inspection' });
  });
});
