import 'reflect-metadata';
import type { Declaration } from '@cbec/contracts';
import { DEFAULT_RETURN_WINDOW_MS } from '@cbec/domain';
import { BONDED_STORAGE_SITES } from '../hand-over/pickup.rule';
import { CARRIER_RETURNS_HUBS } from './return-address.rule';
import { judgeReturnRequested, ReturnableShipment } from './return-request.rule';

describe('judgeReturnRequested', () => {
  const completedAt = new Date('2026-11-15T02:00:00.000Z');
  const now = new Date('2026-11-20T02:00:00.000Z');
  const declaration = { clearanceModel: 'BONDED_ZONE', bondedZone: 'ZHENGZHOU', logistics: { carrier: 'SF-INTL', waybillNumber: 'SF1' }, items: [{ sku: 'CREAM', quantity: 3 }] } as unknown as Declaration;
  const shipment = (change: Partial<ReturnableShipment> = {}): ReturnableShipment => ({ status: 'COMPLETED', clearanceModel: 'BONDED_ZONE', completedAt, permitNumber: null, declaration, ...change });
  const request = (change: Record<string, unknown> = {}) => ({ platformId: 'tmall-global', orderId: 'TG-1', returnId: 'R-1', items: [{ sku: 'CREAM', quantity: 1 }], reason: 'changed my mind', requestedAt: '2026-11-20T10:00:00+08:00', ...change });
  const judge = (s: ReturnableShipment | null, returns: { returnId: string; contentHash: string; items: { sku: string; quantity: number }[] }[] = [], data: unknown = request()) => judgeReturnRequested(s, returns, data, 'h1', now, DEFAULT_RETURN_WINDOW_MS);

  it.each([
    ['a bonded order to its zone\'s storage site', shipment(), BONDED_STORAGE_SITES.ZHENGZHOU],
    ['a direct-mail order to its carrier\'s returns hub', shipment({ clearanceModel: 'DIRECT_MAIL', declaration: { ...declaration, clearanceModel: 'DIRECT_MAIL' } }), CARRIER_RETURNS_HUBS['SF-INTL']],
  ])('accepts a return of %s, due back 45 days after the request', (_, s, returnTo) => {
    expect(judge(s)).toEqual({ kind: 'accepted', request: expect.objectContaining({ returnId: 'R-1' }), items: [{ sku: 'CREAM', quantity: 1 }], returnTo, returnBy: '2027-01-04T02:00:00.000Z' });
  });

  it.each([
    ['an order never handed over', null, 'no completed order to return'],
    ['a released order with a permit, as PERMIT_ISSUED', shipment({ status: 'RELEASED', permitNumber: 'P1' }), 'the order is PERMIT_ISSUED; only a COMPLETED order can be returned'],
    ['a released order without a permit, as TAX_PAID', shipment({ status: 'RELEASED' }), 'the order is TAX_PAID; only a COMPLETED order can be returned'],
    ['an order out for delivery', shipment({ status: 'OUT_FOR_DELIVERY' }), 'the order is OUT_FOR_DELIVERY; only a COMPLETED order can be returned'],
  ])('refuses a return of %s', (_, s, message) => {
    expect(judge(s)).toEqual({ kind: 'refused', reasonCode: 'UNEXPECTED_EVENT', message });
  });

  it('counts the earlier returns against what was ordered', () => {
    expect(judge(shipment(), [{ returnId: 'R-0', contentHash: 'h0', items: [{ sku: 'CREAM', quantity: 3 }] }])).toMatchObject({ kind: 'refused', reasonCode: 'RETURN_QUANTITY_EXCEEDED' });
  });

  it('changes nothing for the accepted return sent again', () => {
    expect(judge(shipment(), [{ returnId: 'R-1', contentHash: 'h1', items: [{ sku: 'CREAM', quantity: 1 }] }])).toEqual({ kind: 'already-accepted' });
  });
});
