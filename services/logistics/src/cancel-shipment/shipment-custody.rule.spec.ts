import { shipmentCustodyOf } from './shipment-custody.rule';

describe('shipmentCustodyOf', () => {
  it('holds released goods that have not left the warehouse', () => {
    expect(shipmentCustodyOf('RELEASED')).toEqual({ kind: 'HOLDING' });
  });

  it('passes a cancellation on to the declaration once the documents are provided (model I)', () => {
    expect(shipmentCustodyOf('DOCUMENTS_READY')).toEqual({ kind: 'HANDED_ON', to: 'declaration' });
  });

  it.each(['OUT_FOR_DELIVERY', 'READY_FOR_PICKUP', 'COMPLETED', 'RETURNED'] as const)('is too late once the goods moved (%s)', (status) => {
    expect(shipmentCustodyOf(status)).toEqual({ kind: 'ENDED', because: 'GOODS_MOVED' });
  });

  it('ends it for an expired pickup and a cancelled shipment', () => {
    expect(shipmentCustodyOf('REJECTED')).toEqual({ kind: 'ENDED', because: 'REJECTED' });
    expect(shipmentCustodyOf('CANCELLED')).toEqual({ kind: 'ENDED', because: 'CANCELLED' });
  });
});
