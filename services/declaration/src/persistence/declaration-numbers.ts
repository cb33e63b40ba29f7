// Declaration numbers come from a PostgreSQL sequence, so replicas never hand out the same one.
import type { EntityManager } from 'typeorm';
import { formatDeclarationNumber } from '../declare-order/declaration-number.rule';

export async function nextDeclarationNumber(manager: EntityManager, at: Date): Promise<string> {
  const [{ value }] = await manager.query(`SELECT nextval('declaration_number_seq')::text AS value`);
  return formatDeclarationNumber(value, at);
}
