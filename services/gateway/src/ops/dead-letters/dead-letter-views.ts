// Reads the dead-letter view: pages, newest first, and single letters.
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { DeadLetterQuery, encodeCursor } from './dead-letter-query.rule';
import { DEAD_LETTER_ID, DeadLetterView } from './dead-letter-view.entity';
import type { DeadLetterItem, DeadLetterPage } from './dead-letters.dto';

@Injectable()
export class DeadLetterViews {
  constructor(private readonly dataSource: DataSource) {}

  async page({ consumerGroup, limit, after }: DeadLetterQuery): Promise<DeadLetterPage> {
    const query = this.dataSource.getRepository(DeadLetterView).createQueryBuilder('d').orderBy('d.deadAt', 'DESC').addOrderBy('d.id', 'DESC').limit(limit + 1);
    if (consumerGroup) query.andWhere('d.consumer_group = :consumerGroup', { consumerGroup });
    if (after) query.andWhere('(d.dead_at, d.id) < (:deadAt::timestamptz, :id::uuid)', after);
    const rows = await query.getMany();
    const items = rows.slice(0, limit).map(itemOf);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeCursor({ deadAt: last.deadAt, id: last.id }) : null };
  }

  async find(id: string): Promise<DeadLetterItem | undefined> {
    if (!DEAD_LETTER_ID.test(id)) return undefined;
    const row = await this.dataSource.getRepository(DeadLetterView).findOneBy({ id });
    return row ? itemOf(row) : undefined;
  }

  /** Dead letters nobody has replayed yet. */
  countNotReplayed(): Promise<number> {
    return this.dataSource.getRepository(DeadLetterView).countBy({ replayedAt: IsNull() });
  }
}

function itemOf(row: DeadLetterView): DeadLetterItem {
  return {
    id: row.id,
    consumerGroup: row.consumerGroup,
    topic: row.topic,
    partition: row.partition,
    offset: row.offset,
    key: row.key,
    reason: row.reason,
    attempts: row.attempts,
    deadAt: row.deadAt.toISOString(),
    payload: row.payload,
    replayedAt: row.replayedAt ? row.replayedAt.toISOString() : null,
    replayCount: row.replayCount,
  };
}
