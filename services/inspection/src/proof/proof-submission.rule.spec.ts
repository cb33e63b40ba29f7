import 'reflect-metadata';
import type { ReviewPlan } from '@cbec/domain';
import { judgeProofSubmission, ProofAwaitingInspection } from './proof-submission.rule';

describe('judgeProofSubmission', () => {
  const plan: ReviewPlan = { outcome: 'PROCEED', quarantine: false, proofRequired: ['INVOICE', 'TRANSACTION_RECORD'], heldForReview: false };
  const awaiting: ProofAwaitingInspection = { status: 'PROOF_REQUESTED', proofHash: null, plan };
  const document = (kind: string) => ({ kind, fileName: `${kind.toLowerCase()}.pdf`, sha256: 'a'.repeat(64) });
  const proof = (...kinds: string[]) => ({ platformId: 'tmall-global', orderId: 'TG1', documents: kinds.map(document) });
  const judge = (inspection: ProofAwaitingInspection | null, data: unknown, hash = 'h1') => judgeProofSubmission(inspection, data, hash, 'tmall-global/TG1');

  it.each([
    ['every requested kind', proof('INVOICE', 'TRANSACTION_RECORD'), []],
    ['every requested kind and more', proof('INVOICE', 'TRANSACTION_RECORD', 'PACKING_LIST'), []],
    ['a proof without the transaction record', proof('INVOICE', 'PACKING_LIST'), [{ field: 'documents', message: 'the requested TRANSACTION_RECORD is missing' }]],
  ])('receives %s', (_, data, missing) => {
    expect(judge(awaiting, data)).toEqual({ kind: 'received', documents: data.documents, missing });
  });

  it.each([
    ['an order never reviewed', null, proof('INVOICE'), 'UNEXPECTED_EVENT', 'no proof of price is awaited for order tmall-global/TG1'],
    ['an order not waiting for a proof', { ...awaiting, status: 'UNDER_REVIEW' }, proof('INVOICE'), 'UNEXPECTED_EVENT', 'no proof of price is awaited for order tmall-global/TG1 (status UNDER_REVIEW)'],
    ['a second proof with other content', { ...awaiting, status: 'PROOF_SUBMITTED', proofHash: 'h0' }, proof('INVOICE'), 'UNEXPECTED_EVENT', 'no proof of price is awaited for order tmall-global/TG1 (status PROOF_SUBMITTED)'],
    ['a proof with no documents', awaiting, proof(), 'INVALID_REQUEST', 'the proof submission is invalid'],
  ] as const)('refuses %s', (_, inspection, data, reasonCode, message) => {
    expect(judge(inspection, data)).toMatchObject({ kind: 'refused', reasonCode, message });
  });

  it('changes nothing for the accepted proof sent again', () => {
    expect(judge({ ...awaiting, status: 'APPROVED', proofHash: 'h1' }, proof('INVOICE'))).toEqual({ kind: 'already-received' });
  });
});
