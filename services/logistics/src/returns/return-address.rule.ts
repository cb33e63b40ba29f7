// Where returned goods go (CONTRACT 7.3, CLEARANCE_MODEL_RULES.returnsTo): model III back to its
// zone's bonded storage site, model I to the carrier's returns hub, from where they leave the
// country again.
import { CLEARANCE_MODEL_RULES, Declaration, ReturnAddress } from '@cbec/contracts';
import { pickupLocationFor } from '../hand-over/pickup.rule';

/** The returns hubs of the carriers we know; any other carrier's is named after it. */
export const CARRIER_RETURNS_HUBS: Record<string, ReturnAddress> = {
  'SF-INTL': { name: 'SF International cross-border returns hub', address: "SF International Returns Centre, Bao'an Airport Logistics Park, Shenzhen, Guangdong 518128" },
  'EMS-INTL': { name: 'China Post EMS international returns hub', address: 'EMS International Mail Processing Centre, Shunyi District, Beijing 101300' },
};

export function returnAddressFor(declaration: Pick<Declaration, 'clearanceModel' | 'bondedZone' | 'consignee' | 'logistics'>): ReturnAddress {
  const returnsTo = CLEARANCE_MODEL_RULES[declaration.clearanceModel].returnsTo;
  if (returnsTo === 'ZONE_STORAGE_SITE') return pickupLocationFor(declaration);
  if (returnsTo === 'CARRIER_RETURNS_HUB') return carrierReturnsHub(declaration.logistics.carrier);
  throw new Error(`${declaration.clearanceModel} orders take no returns`);
}

function carrierReturnsHub(carrier: string): ReturnAddress {
  return CARRIER_RETURNS_HUBS[carrier] ?? { name: `${carrier} cross-border returns hub`, address: `${carrier} returns desk, customs supervised area of the port of entry` };
}
