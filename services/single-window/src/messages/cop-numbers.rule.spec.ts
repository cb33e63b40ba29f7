import { cancellationCopNo, inventoryCopNo, returnCopNo } from './cop-numbers.rule';

describe('copNo of the documents sent (CONTRACT 8.2)', () => {
  const dn = 'CBEC2026000000000042';

  it('is the declaration number for the inventory list, unchanged', () => {
    expect(inventoryCopNo(dn)).toBe(dn);
  });

  it('is made from it for the cancellation and each return: 20 characters, unique per kind and order', () => {
    expect(cancellationCopNo(dn)).toBe('CNCL2026000000000042');
    expect(returnCopNo(dn, 1)).toBe('RT012026000000000042');
    expect(returnCopNo(dn, 12)).toBe('RT122026000000000042');
    const all = [inventoryCopNo(dn), cancellationCopNo(dn), returnCopNo(dn, 1), returnCopNo(dn, 2), cancellationCopNo('CBEC2026000000000043')];
    expect(new Set(all).size).toBe(all.length);
    expect(all.every((copNo) => copNo.length === 20)).toBe(true);
  });

  it('stays within 20 characters for a longer number', () => {
    const long = 'CBEC2026000000000000000042';
    for (const copNo of [inventoryCopNo(long), cancellationCopNo(inventoryCopNo(long)), returnCopNo(inventoryCopNo(long), 3)]) expect(copNo.length).toBeLessThanOrEqual(20);
  });

  it('refuses a return ordinal out of 1..99', () => {
    expect(() => returnCopNo(dn, 0)).toThrow(RangeError);
    expect(() => returnCopNo(dn, 100)).toThrow(RangeError);
  });
});
