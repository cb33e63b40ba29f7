import { randomInt } from 'node:crypto';
import { BONDED_ZONES } from '@cbec/contracts';
import { BONDED_STORAGE_SITES, newPickupCode, pickupLocationFor, pickupWindow } from './pickup.rule';

const consignee = (city: string, province: string) => ({ name: 'Li Wei', idType: 'CN_RESIDENT_ID' as const, idNumber: '11010519491231002X', phone: '+8613800000000', address: { province, city, line1: '1 Main Rd' } });

describe('pickupLocationFor', () => {
  it.each([
    ['a Hangzhou bonded order at the Hangzhou bonded site', 'HANGZHOU', consignee('Beijing', 'Beijing'), BONDED_STORAGE_SITES.HANGZHOU],
    ['a Zhengzhou bonded order at the Zhengzhou bonded site, wherever the consignee lives', 'ZHENGZHOU', consignee('Hangzhou', 'Zhejiang'), BONDED_STORAGE_SITES.ZHENGZHOU],
    [
      'an order without a zone at the consignee city point',
      undefined,
      consignee('Chengdu', 'Sichuan'),
      { name: 'Chengdu customs-designated pickup point', address: 'Customs supervised warehouse, Chengdu, Sichuan' },
    ],
    [
      'a zone with no site at the consignee city point',
      'NINGBO',
      consignee('Ningbo', 'Zhejiang'),
      { name: 'Ningbo customs-designated pickup point', address: 'Customs supervised warehouse, Ningbo, Zhejiang' },
    ],
  ])('puts %s', (_, bondedZone, who, expected) => {
    expect(pickupLocationFor({ bondedZone, consignee: who })).toEqual(expected);
  });

  it('has a named bonded storage site with an address in every configured zone', () => {
    for (const zone of BONDED_ZONES) {
      expect(BONDED_STORAGE_SITES[zone].name).toMatch(/bonded storage site/);
      expect(BONDED_STORAGE_SITES[zone].address.toUpperCase()).toContain(zone);
    }
  });
});

describe('pickupWindow', () => {
  it('opens now and closes after the window', () => {
    const now = new Date('2026-11-12T08:00:00.000Z');
    expect(pickupWindow(now, 604_800_000)).toEqual({ availableFrom: now, availableUntil: new Date('2026-11-19T08:00:00.000Z') });
  });
});

describe('newPickupCode', () => {
  it.each([
    [0, '000000'],
    [42, '000042'],
    [123456, '123456'],
    [999999, '999999'],
  ])('turns draw %d into %s', (drawn, code) => {
    expect(newPickupCode(() => drawn)).toBe(code);
  });

  it('draws below one million', () => {
    const draw = jest.fn((max: number) => randomInt(max));
    newPickupCode(draw);
    expect(draw).toHaveBeenCalledWith(1_000_000);
  });

  it('is always 6 digits with the crypto source', () => {
    const codes = Array.from({ length: 1000 }, () => newPickupCode());
    expect(codes.every((code) => /^\d{6}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(990);
  });
});
