// Waybill numbers the logistics service assigns: the next serials of a PostgreSQL sequence, so
// replicas never hand out the same number.
import type { EntityManager } from 'typeorm';

/** The next `count` waybill serials, in the order drawn (waybillNumberFor makes them numbers). */
export async function nextWaybillSerials(manager: EntityManager, count: number): Promise<string[]> {
  if (count === 0) return [];
  const rows: { serial: string }[] = await manager.query(`SELECT n AS serial FROM (SELECT nextval('waybill_serial') AS n FROM generate_series(1, $1)) AS drawn ORDER BY n`, [count]);
  return rows.map(({ serial }) => serial);
}
