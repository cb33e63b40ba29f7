// Draws the next import permit number from the service's PostgreSQL sequence.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { permitNumberOf } from './permit-number.rule';

@Injectable()
export class PermitNumbers {
  async next(manager: EntityManager, issuedAt = new Date()): Promise<string> {
    // nextval is a bigint, which pg hands over as a string.
    const [{ sequence }] = await manager.query("SELECT nextval('permit_number_seq') AS sequence");
    return permitNumberOf(issuedAt, Number(sequence));
  }
}
