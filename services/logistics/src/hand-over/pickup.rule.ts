// Where and when goods wait for a pickup (CONTRACT 4.4): a bonded order at its zone's bonded
// storage site, any other at the customs-designated pickup point of the consignee's city, for a
// window, released against a 6-digit code.
import { randomInt } from 'node:crypto';
import type { BondedZone, Declaration } from '@cbec/contracts';
import type { PickupLocation } from '../persistence/shipment.entity';

/** The bonded storage site of each configured zone (every zone of BONDED_ZONES needs one). */
export const BONDED_STORAGE_SITES: Record<BondedZone, PickupLocation> = {
  HANGZHOU: {
    name: 'Hangzhou Xiasha Comprehensive Bonded Zone bonded storage site',
    address: 'Hangzhou Comprehensive Bonded Zone, Xiasha, Qiantang District, Hangzhou, Zhejiang 310018',
  },
  ZHENGZHOU: {
    name: 'Zhengzhou Xinzheng Comprehensive Bonded Zone bonded storage site',
    address: 'Zhengzhou Xinzheng Comprehensive Bonded Zone, Airport Economy Zone, Zhengzhou, Henan 451162',
  },
};

type Consignee = Pick<Declaration, 'bondedZone' | 'consignee'>;

export function pickupLocationFor({ bondedZone, consignee }: Consignee): PickupLocation {
  // Intake accepts configured zones only, so a zone without a site would be a new zone missing
  // here; its goods still get the city's point rather than a made-up site.
  const site = bondedZone ? BONDED_STORAGE_SITES[bondedZone as BondedZone] : undefined;
  if (site) return site;
  const { city, province } = consignee.address;
  return { name: `${city} customs-designated pickup point`, address: `Customs supervised warehouse, ${city}, ${province}` };
}

/** The window opens now and closes `windowMs` later. */
export function pickupWindow(now: Date, windowMs: number): { availableFrom: Date; availableUntil: Date } {
  return { availableFrom: now, availableUntil: new Date(now.getTime() + windowMs) };
}

/** A 6-digit code, leading zeros kept; `draw` returns an integer in [0, max) (crypto by default). */
export function newPickupCode(draw: (max: number) => number = (max) => randomInt(max)): string {
  return String(draw(1_000_000)).padStart(6, '0');
}
