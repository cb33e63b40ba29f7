import { judgeGoodsReceived, receiptOutcomeOf, ReceivingShipment } from './goods-received.rule';

describe('judgeGoodsReceived', () => {
  const now = new Date('2026-11-13T10:00:00Z');
  const policy = { maxWrongCodes: 5, coolDownMs: 15 * 60_000 };
  const atPickup: ReceivingShipment = { status: 'READY_FOR_PICKUP', clearanceModel: 'BONDED_ZONE', receiptHash: null, pickupCode: '042917', pickupWrongCodes: 0, pickupLockedUntil: null };
  const atDoor: ReceivingShipment = { ...atPickup, status: 'OUT_FOR_DELIVERY', clearanceModel: 'DIRECT_MAIL', pickupCode: null };
  const receipt = (change: Record<string, unknown> = {}) => ({ platformId: 'tmall-global', orderId: 'TG1', receivedBy: 'Li Wei', receivedAt: '2026-11-13T10:00:00+08:00', method: 'PICKUP', pickupCode: '042917', ...change });
  const judge = (shipment: ReceivingShipment | null, data: unknown, hash = 'h1') => judgeGoodsReceived(shipment, data, hash, 'tmall-global/TG1', now, policy);

  it.each([
    ['a pickup with the right code', atPickup, receipt(), 'completed'],
    ['a signature at the door', atDoor, receipt({ method: 'SIGNATURE', pickupCode: undefined }), 'completed'],
    ['the accepted receipt again', { ...atPickup, status: 'COMPLETED', receiptHash: 'h1' }, receipt(), 'already-received'],
  ] as const)('takes %s', (_, shipment, data, kind) => {
    expect(judge(shipment, data).kind).toBe(kind);
  });

  it.each([
    ['an order not handed over', null, receipt(), 'UNEXPECTED_EVENT', 'order tmall-global/TG1 is not waiting for its goods to be received (not handed over)'],
    ['a completed order, before its content is looked at', { ...atPickup, status: 'COMPLETED', receiptHash: 'h0' }, { nonsense: true }, 'UNEXPECTED_EVENT', 'order tmall-global/TG1 is not waiting for its goods to be received (status COMPLETED)'],
    ['invalid content', atPickup, receipt({ receivedAt: 'yesterday' }), 'INVALID_REQUEST', 'the goods-received data is invalid'],
    ['a signature for a pickup', atPickup, receipt({ method: 'SIGNATURE' }), 'INVALID_REQUEST', expect.stringContaining('method must be PICKUP')],
  ] as const)('refuses %s, counting no code', (_, shipment, data, reasonCode, message) => {
    const judged = judge(shipment, data);
    expect(judged).toMatchObject({ kind: 'refused', reasonCode, message });
    expect(judged).not.toHaveProperty('attempts');
  });

  it('counts a wrong code, and locks the order out at the fifth', () => {
    expect(judge(atPickup, receipt({ pickupCode: '000000' }))).toMatchObject({ kind: 'refused', reasonCode: 'PICKUP_CODE_MISMATCH', attempts: { wrongCodes: 1, lockedUntil: null } });
    expect(judge({ ...atPickup, pickupWrongCodes: 4 }, receipt({ pickupCode: '000000' }))).toMatchObject({ attempts: { wrongCodes: 0, lockedUntil: new Date('2026-11-13T10:15:00Z') } });
  });

  it('refuses the right code while locked out, without counting it', () => {
    const judged = judge({ ...atPickup, pickupLockedUntil: new Date('2026-11-13T10:05:00Z') }, receipt());
    expect(judged).toMatchObject({ kind: 'refused', reasonCode: 'PICKUP_CODE_MISMATCH', message: expect.stringContaining('too many wrong pickup codes') });
    expect(judged).not.toHaveProperty('attempts');
  });
});

describe('receiptOutcomeOf', () => {
  const now = new Date('2026-11-13T10:00:00Z');
  const shipment = { step: 7, declarationNumber: 'D-1', permitNumber: null };
  const lockedUntil = new Date('2026-11-13T10:15:00Z');
  const refused = { kind: 'refused', reasonCode: 'PICKUP_CODE_MISMATCH', message: 'm' } as const;
  const completed = { kind: 'completed', receipt: {} as never } as const;

  it.each([
    ['a re-sent receipt: nothing', shipment, { kind: 'already-received' }, {}],
    ['a refusal that counts no code: nothing', shipment, refused, {}],
    ['a wrong code: counted', shipment, { ...refused, attempts: { wrongCodes: 2, lockedUntil: null } }, { change: { pickupWrongCodes: 2, pickupLockedUntil: null } }],
    ['the wrong code that locks out: the lock-out', shipment, { ...refused, attempts: { wrongCodes: 0, lockedUntil } }, { change: { pickupWrongCodes: 0, pickupLockedUntil: lockedUntil } }],
    [
      'a completed hand-over: COMPLETED at the next step, the codes forgotten, the delivered notice',
      shipment,
      completed,
      { change: { status: 'COMPLETED', step: 8, receiptHash: 'h1', completedAt: now, pickupWrongCodes: 0, pickupLockedUntil: null }, delivered: { declarationNumber: 'D-1', completedAt: '2026-11-13T10:00:00.000Z' } },
    ],
    ['a completed hand-over with a permit: the permit in the notice', { ...shipment, permitNumber: 'P-1' }, completed, { delivered: { declarationNumber: 'D-1', permitNumber: 'P-1', completedAt: '2026-11-13T10:00:00.000Z' } }],
  ] as const)('%s', (_, s, judged, expected) => {
    const outcome = receiptOutcomeOf(s, judged, 'h1', now);
    if (Object.keys(expected).length === 0) return expect(outcome).toEqual({});
    expect(outcome).toMatchObject(expected);
  });
});
