import 'reflect-metadata';
import { judgeReturnReceived, RecordedReturn, ReturningShipment } from './return-arrival.rule';

describe('judgeReturnReceived', () => {
  const shipment: ReturningShipment = {
    declaration: { items: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }] as never },
    assessment: { lines: [{ sku: 'A', dutiableValue: '200.00', duty: '0.00', consumptionTax: '0.00', vat: '18.20' }, { sku: 'B', dutiableValue: '100.00', duty: '0.00', consumptionTax: '0.00', vat: '9.10' }] },
  };
  const aReturn = (returnId: string, items: RecordedReturn['items'], change: Partial<RecordedReturn> = {}): RecordedReturn => ({ returnId, status: 'ACCEPTED', receiptHash: null, items, ...change });
  const arrival = (returnId = 'R2') => ({ platformId: 'tmall-global', orderId: 'TG1', returnId, receivedAt: '2026-12-01T10:00:00+08:00' });
  const judge = (returns: RecordedReturn[], data: unknown = arrival(), hash = 'h2') => judgeReturnReceived(shipment, returns, data, hash, 'tmall-global/TG1');

  it.each([
    ['one unit of two', [aReturn('R2', [{ sku: 'A', quantity: 1 }])], { refund: { duty: '0.00', consumptionTax: '0.00', vat: '9.10', total: '9.10' }, quotaGivenBack: '100.00', everyUnitBack: false }],
    ['the last units, after an earlier return', [aReturn('R1', [{ sku: 'A', quantity: 2 }], { status: 'COMPLETED', receiptHash: 'h1' }), aReturn('R2', [{ sku: 'B', quantity: 1 }])], { refund: { duty: '0.00', consumptionTax: '0.00', vat: '9.10', total: '9.10' }, quotaGivenBack: '100.00', everyUnitBack: true }],
    ['every unit at once', [aReturn('R2', [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }])], { refund: { duty: '0.00', consumptionTax: '0.00', vat: '27.30', total: '27.30' }, quotaGivenBack: '300.00', everyUnitBack: true }],
    ['the rest of a line while another return of it is only accepted', [aReturn('R1', [{ sku: 'A', quantity: 1 }]), aReturn('R2', [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }])], { quotaGivenBack: '200.00', everyUnitBack: false }],
  ] as const)('completes a return of %s', (_, returns, outcome) => {
    expect(judge([...returns])).toMatchObject({ kind: 'completed', awaited: { returnId: 'R2' }, arrival: arrival(), ...outcome });
  });

  it.each([
    ['no return of that id', [aReturn('R1', [{ sku: 'A', quantity: 1 }])], arrival(), 'UNEXPECTED_EVENT'],
    ['a return already completed, with other content', [aReturn('R2', [{ sku: 'A', quantity: 1 }], { status: 'COMPLETED', receiptHash: 'h0' })], arrival(), 'UNEXPECTED_EVENT'],
    ['an arrival without its date', [aReturn('R2', [{ sku: 'A', quantity: 1 }])], { ...arrival(), receivedAt: undefined }, 'INVALID_REQUEST'],
  ] as const)('refuses %s', (_, returns, data, reasonCode) => {
    expect(judge([...returns], data)).toMatchObject({ kind: 'refused', reasonCode });
  });

  it('changes nothing for the accepted arrival sent again', () => {
    expect(judge([aReturn('R2', [{ sku: 'A', quantity: 1 }], { status: 'COMPLETED', receiptHash: 'h2' })])).toEqual({ kind: 'already-accepted' });
  });

  it('cannot refund an order handed over without its assessment', () => {
    expect(() => judgeReturnReceived({ ...shipment, assessment: null }, [aReturn('R2', [{ sku: 'A', quantity: 1 }])], arrival(), 'h2', 'tmall-global/TG1')).toThrow('without its declaration or assessment');
  });
});
