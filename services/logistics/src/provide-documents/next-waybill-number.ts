// Waybill numbers the logistics service assigns: the next serial of a PostgreSQL sequence, so
// replicas never hand out the same number.
import type { EntityManager } from 'typeorm';
import { waybillNumberFor } from './logistics-documents.rule';

export async function nextWaybillNumber(manager: EntityManager, carrier: string): Promise<string> {
  const [{ serial }] = await manager.query(`SELECT nextval('waybill_serial') AS serial`);
  return waybillNumberFor(carrier, serial);
}
