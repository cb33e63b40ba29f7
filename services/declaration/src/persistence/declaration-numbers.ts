// Declaration numbers come from a PostgreSQL sequence, so replicas never hand out the same one.
import type { EntityManager } from 'typeorm';
import { formatDeclarationNumber } from '../declare-order/declaration-number.rule';

/** The next `count` declaration numbers, in the order drawn. */
export async function nextDeclarationNumbers(manager: EntityManager, count: number, at: Date): Promise<string[]> {
  if (count === 0) return [];
  const rows: { value: string }[] = await manager.query(`SELECT n::text AS value FROM (SELECT nextval('declaration_number_seq') AS n FROM generate_series(1, $1)) AS drawn ORDER BY n`, [count]);
  return rows.map(({ value }) => formatDeclarationNumber(value, at));
}
