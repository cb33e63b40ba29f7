// Draws import permit numbers from the service's PostgreSQL sequence.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { permitNumberOf } from './permit-number.rule';

@Injectable()
export class PermitNumbers {
  /** The next `count` permit numbers, in the order drawn. */
  async next(manager: EntityManager, count: number, issuedAt = new Date()): Promise<string[]> {
    if (count === 0) return [];
    // nextval is a bigint, which pg hands over as a string.
    const rows: { sequence: string }[] = await manager.query(`SELECT n AS sequence FROM (SELECT nextval('permit_number_seq') AS n FROM generate_series(1, $1)) AS drawn ORDER BY n`, [count]);
    return rows.map(({ sequence }) => permitNumberOf(issuedAt, Number(sequence)));
  }
}
