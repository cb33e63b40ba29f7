import type { Declaration } from '@cbec/contracts';
import { BONDED_STORAGE_SITES } from '../hand-over/pickup.rule';
import { CARRIER_RETURNS_HUBS, returnAddressFor } from './return-address.rule';

const consignee = { name: 'Li Wei', idType: 'CN_RESIDENT_ID' as const, idNumber: '11010519491231002X', phone: '+8613800000000', address: { province: 'Zhejiang', city: 'Hangzhou', line1: '1 Main Rd' } };
const declaration = (change: Partial<Declaration>) => ({ clearanceModel: 'BONDED_ZONE' as const, consignee, logistics: { carrier: 'SF-INTL', waybillNumber: 'SF1' }, ...change });

describe('returnAddressFor', () => {
  it('sends a bonded order back to its zone\'s bonded storage site', () => {
    expect(returnAddressFor(declaration({ bondedZone: 'ZHENGZHOU' }))).toEqual(BONDED_STORAGE_SITES.ZHENGZHOU);
  });

  it('sends a direct-mail order to its carrier\'s returns hub', () => {
    expect(returnAddressFor(declaration({ clearanceModel: 'DIRECT_MAIL' }))).toEqual(CARRIER_RETURNS_HUBS['SF-INTL']);
    expect(returnAddressFor(declaration({ clearanceModel: 'DIRECT_MAIL', logistics: { carrier: 'YUN-EXP', waybillNumber: 'Y1' } })).name).toBe('YUN-EXP cross-border returns hub');
  });

  it('has no address for general trade, which takes no returns', () => {
    expect(() => returnAddressFor(declaration({ clearanceModel: 'GENERAL_TRADE' }))).toThrow();
  });
});
