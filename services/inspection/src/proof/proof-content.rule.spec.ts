import { contentHashOf } from './proof-content.rule';

describe('contentHashOf', () => {
  const proof = { platformId: 'p', orderId: 'o', documents: [{ kind: 'INVOICE', fileName: 'i.pdf', sha256: 'ab' }] };

  it('is the same for the same content in another key order', () => {
    expect(contentHashOf(proof)).toBe(contentHashOf({ documents: [{ sha256: 'ab', fileName: 'i.pdf', kind: 'INVOICE' }], orderId: 'o', platformId: 'p' }));
  });

  it('differs when a document differs, or the documents come in another order', () => {
    expect(contentHashOf(proof)).not.toBe(contentHashOf({ ...proof, documents: [{ ...proof.documents[0], sha256: 'cd' }] }));
    const two = { ...proof, documents: [proof.documents[0], { kind: 'CONTRACT', fileName: 'c.pdf', sha256: 'ef' }] };
    expect(contentHashOf(two)).not.toBe(contentHashOf({ ...two, documents: [...two.documents].reverse() }));
  });

  it('ignores absent optional fields', () => {
    expect(contentHashOf({ ...proof, note: undefined })).toBe(contentHashOf(proof));
  });
});
