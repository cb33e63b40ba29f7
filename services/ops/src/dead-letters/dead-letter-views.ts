// Reads the dead-letter view: pages, newest first, single letters, the counts by group and
// reason, and a later copy of a replayed letter (it failed again).
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { deadLetterOf } from '@cbec/messaging';
import { DeadLetterQuery, encodeCursor } from './dead-letter-query.rule';
import { DEAD_LETTER_ID, DeadLetterView } from './dead-letter-view.entity';
import type { DeadLetterItem, DeadLetterPage, DeadLetterReasonCount } from './dead-letters.dto';

@Injectable()
export class DeadLetterViews {
  constructor(private readonly dataSource: DataSource) {}

  async page({ consumerGroup, reason, limit, after }: DeadLetterQuery): Promise<DeadLetterPage> {
    const query = this.dataSource.getRepository(DeadLetterView).createQueryBuilder('d').orderBy('d.deadAt', 'DESC').addOrderBy('d.id', 'DESC').limit(limit + 1);
    if (consumerGroup) query.andWhere('d.consumer_group = :consumerGroup', { consumerGroup });
    if (reason) query.andWhere("d.reason ILIKE :reason ESCAPE '\\'", { reason: `%${reason.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (after) query.andWhere('(d.dead_at, d.id) < (:deadAt::timestamptz, :id::uuid)', after);
    const rows = await query.getMany();
    const items = rows.slice(0, limit).map(deadLetterOf);
    const last = items[items.length - 1];
    return { items, nextCursor: rows.length > limit ? encodeCursor({ deadAt: last.deadAt, id: last.id }) : null };
  }

  async find(id: string): Promise<DeadLetterItem | undefined> {
    if (!DEAD_LETTER_ID.test(id)) return undefined;
    const row = await this.dataSource.getRepository(DeadLetterView).findOneBy({ id });
    return row ? deadLetterOf(row) : undefined;
  }

  /** How many dead letters each group has for each reason, the most recent first. */
  async summary(): Promise<DeadLetterReasonCount[]> {
    const rows: { consumerGroup: string; reason: string; count: number; notReplayed: number; lastDeadAt: Date }[] = await this.dataSource.query(
      `SELECT consumer_group AS "consumerGroup", reason, count(*)::int AS count, count(*) FILTER (WHERE replayed_at IS NULL)::int AS "notReplayed", max(dead_at) AS "lastDeadAt"
         FROM dead_letter_view GROUP BY 1, 2 ORDER BY max(dead_at) DESC LIMIT 200`,
    );
    return rows.map((row) => ({ ...row, lastDeadAt: new Date(row.lastDeadAt).toISOString() }));
  }

  /** A copy of the letter dead-lettered again by its group after it was last replayed. */
  async failedAgain(letter: DeadLetterItem): Promise<DeadLetterItem | undefined> {
    if (!letter.replayedAt) return undefined;
    const row = await this.dataSource
      .getRepository(DeadLetterView)
      .createQueryBuilder('d')
      .where('d.consumer_group = :group AND d.topic = :topic AND d.key IS NOT DISTINCT FROM :key AND d.payload = :payload', { group: letter.consumerGroup, topic: letter.topic, key: letter.key, payload: letter.payload })
      .andWhere('d.id <> :id AND d.dead_at >= :replayedAt', { id: letter.id, replayedAt: new Date(letter.replayedAt) })
      .orderBy('d.deadAt', 'DESC')
      .getOne();
    return row ? deadLetterOf(row) : undefined;
  }

  /** Dead letters nobody has replayed yet. */
  countNotReplayed(): Promise<number> {
    return this.dataSource.getRepository(DeadLetterView).countBy({ replayedAt: IsNull() });
  }
}
