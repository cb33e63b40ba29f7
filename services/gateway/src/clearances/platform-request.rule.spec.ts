import { requestDataOf } from './platform-request.rule';

describe('requestDataOf', () => {
  const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
  const proof = { documents: [{ kind: 'INVOICE', fileName: 'invoice.pdf', sha256: 'a'.repeat(64) }] };
  const payment = { assessmentId: 'TA-1', amount: '96.39', paymentReference: 'PAY-1', paidAt: '2026-11-12T10:00:00+08:00' };
  const receipt = { receivedBy: 'Li Wei', receivedAt: '2026-11-15T10:00:00+08:00', method: 'PICKUP', pickupCode: '123456' };

  it('takes platformId and orderId from the path when the body leaves them out', () => {
    expect(requestDataOf('proofs', ref, proof)).toEqual({ data: { ...proof, ...ref }, errors: [] });
  });

  it('accepts a body that repeats the path', () => {
    expect(requestDataOf('payments', ref, { ...payment, ...ref }).data).toEqual({ ...payment, ...ref });
  });

  it.each([
    ['platformId', { ...receipt, platformId: 'jd-worldwide' }],
    ['orderId', { ...receipt, orderId: 'TG-2' }],
  ])('refuses a body whose %s is not the path\'s', (field, body) => {
    expect(requestDataOf('receipt', ref, body).errors).toEqual([{ field, message: expect.stringContaining('path') }]);
  });

  it.each([
    ['proofs', { documents: [] }, 'documents'],
    ['proofs', { documents: [{ kind: 'SELFIE', fileName: 'x.pdf', sha256: 'a'.repeat(64) }] }, 'documents[0].kind'],
    ['proofs', { documents: [{ kind: 'INVOICE', fileName: 'x.pdf', sha256: 'abc' }] }, 'documents[0].sha256'],
    ['payments', { ...payment, amount: 96.39 }, 'amount'],
    ['payments', { ...payment, paidAt: 'yesterday' }, 'paidAt'],
    ['payments', { ...payment, assessmentId: undefined }, 'assessmentId'],
    ['receipt', { ...receipt, method: 'DRONE' }, 'method'],
    ['receipt', { ...receipt, receivedBy: '' }, 'receivedBy'],
  ] as const)('%s: names the bad field %#', (request, body, field) => {
    const { errors } = requestDataOf(request, ref, body);
    expect(errors.map((e) => e.field)).toContain(field);
  });

  it.each([[null], [[proof]], ['text']])('refuses a body that is not an object: %p', (body) => {
    expect(requestDataOf('proofs', ref, body).errors).toEqual([{ message: 'the body must be a JSON object' }]);
  });
});

describe('requestDataOf: after-sale requests (CONTRACT 7)', () => {
  const ref = { platformId: 'tmall-global', orderId: 'TG-1' };
  const cancellation = { reason: 'the consumer cancelled', requestedAt: '2026-11-11T09:00:00+08:00' };
  const aReturn = { returnId: 'R-1', items: [{ sku: 'JP-CREAM-50', quantity: 1 }], reason: 'too small', requestedAt: '2026-11-20T10:00:00+08:00' };

  it('builds cancel-requested and return-requested data from the path and the body', () => {
    expect(requestDataOf('cancellation', ref, cancellation).data).toEqual({ ...cancellation, ...ref });
    expect(requestDataOf('returns', ref, aReturn).data).toEqual({ ...aReturn, ...ref });
  });

  it('takes a return arrival\'s returnId from the path, and refuses another in the body', () => {
    expect(requestDataOf('arrival', { ...ref, returnId: 'R-1' }, { receivedAt: '2026-11-25T10:00:00+08:00' }).data).toEqual({ ...ref, returnId: 'R-1', receivedAt: '2026-11-25T10:00:00+08:00' });
    expect(requestDataOf('arrival', { ...ref, returnId: 'R-1' }, { returnId: 'R-2', receivedAt: '2026-11-25T10:00:00+08:00' }).errors).toEqual([{ field: 'returnId', message: expect.stringContaining('path') }]);
  });

  it.each([
    ['cancellation', { ...cancellation, reason: '' }, 'reason'],
    ['cancellation', { ...cancellation, reason: 'x'.repeat(501) }, 'reason'],
    ['returns', { ...aReturn, returnId: 'R 1' }, 'returnId'],
    ['returns', { ...aReturn, items: [{ sku: 'A', quantity: 1 }, { sku: 'A', quantity: 2 }] }, 'items'],
    ['returns', { ...aReturn, items: [{ sku: 'A', quantity: 1.5 }] }, 'items[0].quantity'],
    ['arrival', { receivedAt: 'later' }, 'receivedAt'],
  ] as const)('%s: names the bad field %#', (request, body, field) => {
    const path = request === 'arrival' ? { ...ref, returnId: 'R-1' } : ref;
    expect(requestDataOf(request, path, body).errors.map((e) => e.field)).toContain(field);
  });
});
