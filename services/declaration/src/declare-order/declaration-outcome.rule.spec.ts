import { DECLARATION_EVENTS, OrderConfirmedData } from '@cbec/contracts';
import { anOrder } from '@cbec/testing';
import { declarationOfConfirmed, declarationWithDocuments } from './declaration-outcome.rule';

const now = new Date('2026-11-11T00:10:00Z');
const ref = { platformId: 'tmall-global', orderId: 'TG1' };
const confirmed = (order = anOrder().id('TG1').build()): OrderConfirmedData => ({ ...ref, clearanceModel: order.clearanceModel, order });

describe('declarationOfConfirmed', () => {
  it('keeps a direct-mail declaration waiting for the logistics documents and asks for them', () => {
    const outcome = declarationOfConfirmed(confirmed(anOrder().id('TG1').directMail().build()), ref, 'tmall-global/TG1', 'D-1', 3, now);
    expect(outcome).toMatchObject({ kind: 'documents-requested', requestedDocuments: ['PACKING_LIST', 'INVOICE', 'CONTRACT'], state: { declarationNumber: 'D-1', status: 'AWAITING_DOCUMENTS', step: 3, documents: [], declaredAt: null } });
    expect(outcome.publish).toEqual([expect.objectContaining({ type: DECLARATION_EVENTS.documentsRequested, subject: 'tmall-global/TG1', step: 3 })]);
  });

  it('files a bonded declaration at once with its order documents', () => {
    const outcome = declarationOfConfirmed(confirmed(anOrder().id('TG1').bonded().build()), ref, 'tmall-global/TG1', 'D-1', 3, now);
    expect(outcome).toMatchObject({ kind: 'submitted', state: { status: 'SUBMITTED', step: 3, declaredAt: now, documents: [{ kind: 'INVOICE' }, { kind: 'TRANSACTION_RECORD' }] } });
    expect(outcome.publish).toEqual([expect.objectContaining({ type: DECLARATION_EVENTS.declarationSubmitted, step: 3, data: expect.objectContaining({ declaration: expect.objectContaining({ declarationNumber: 'D-1' }) }) })]);
  });
});

describe('declarationWithDocuments', () => {
  const order = anOrder().id('TG1').directMail().with((o) => delete o.logistics.waybillNumber).build();
  const waiting = declarationOfConfirmed(confirmed(order), ref, 'tmall-global/TG1', 'D-1', 3, now).state;
  const provided = { ...ref, clearanceModel: 'DIRECT_MAIL' as const, waybillNumber: 'SF000000000042', documents: [{ kind: 'PACKING_LIST' as const, providedBy: 'LOGISTICS' as const, reference: 'PL-SF000000000042' }] };

  it.each([
    ['the step after the documents', 4, 5],
    ['two steps after the request, when the documents carry none', undefined, 5],
  ])('files the waiting declaration with the documents and their waybill at %s', (_, providedStep, step) => {
    const outcome = declarationWithDocuments(waiting, provided, providedStep, 'tmall-global/TG1', now);
    expect(outcome.state).toMatchObject({ status: 'SUBMITTED', step, waybillNumber: 'SF000000000042', declaredAt: now, documents: provided.documents });
    expect(outcome.publish).toEqual([expect.objectContaining({ type: DECLARATION_EVENTS.declarationSubmitted, step })]);
  });
});
