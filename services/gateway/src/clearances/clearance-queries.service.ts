// Reads of the read model for the REST API: one order's view (if the key may see it) and the
// list, newest first, a page at a time.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { orderKey, OrderRef } from '@cbec/contracts';
import type { Principal } from '@cbec/http-edge';
import { canSee } from '@cbec/http-edge';
import { loadRecord, loadTimelines, viewOf } from '../read-model/clearance-store';
import { ClearanceViewRow } from '../read-model/persistence/clearance-view.entity';
import { presentClearance } from './clearance-presentation';
import type { ClearanceListBody, ClearanceViewBody } from './clearance-view.dto';
import { encodeCursor } from './cursor.rule';
import { ListQuery, scopeOf } from './list-query.rule';

/** Orders that move no more (COMPLETED may still be returned, but is not stuck waiting). */
const TERMINAL = ['COMPLETED', 'REJECTED', 'CANCELLED', 'RETURNED'];

@Injectable()
export class ClearanceQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** The view, or undefined when the order is unknown or another platform's. */
  async find(principal: Principal, ref: OrderRef): Promise<ClearanceViewBody | undefined> {
    if (!canSee(principal, ref.platformId)) return undefined;
    const record = await loadRecord(this.dataSource.manager, ref);
    return record.view ? presentClearance(record.view, record.timeline) : undefined;
  }

  async list(principal: Principal, query: ListQuery, now = Date.now()): Promise<ClearanceListBody> {
    const scope = scopeOf(principal, query);
    if (scope === 'nothing') return { items: [], nextCursor: null };
    const select = this.dataSource.getRepository(ClearanceViewRow).createQueryBuilder('v');
    if (scope.platformId) select.andWhere('v.platform_id = :platformId', { platformId: scope.platformId });
    if (query.status) select.andWhere('v.status = :status', { status: query.status });
    if (query.model) select.andWhere('v.clearance_model = :model', { model: query.model });
    if (query.orderId) select.andWhere("v.order_id LIKE :orderIdPrefix ESCAPE '\\'", { orderIdPrefix: `${query.orderId.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
    if (query.createdFrom) select.andWhere('v.created_at >= :createdFrom', { createdFrom: new Date(query.createdFrom) });
    if (query.createdTo) select.andWhere('v.created_at < :createdTo', { createdTo: new Date(query.createdTo) });
    if (query.stuckForMs !== undefined) {
      select.andWhere('v.status NOT IN (:...terminal) AND v.updated_at < :stuckSince', { terminal: TERMINAL, stuckSince: new Date(now - query.stuckForMs) });
    }
    if (query.after) {
      const { createdAt, platformId, orderId } = query.after;
      select.andWhere('(v.created_at < :afterAt OR (v.created_at = :afterAt AND (v.platform_id, v.order_id) > (:afterPlatform, :afterOrder)))', {
        afterAt: new Date(createdAt),
        afterPlatform: platformId,
        afterOrder: orderId,
      });
    }
    const rows = await select.orderBy('v.createdAt', 'DESC').addOrderBy('v.platformId', 'ASC').addOrderBy('v.orderId', 'ASC').limit(query.limit + 1).getMany();
    const page = rows.slice(0, query.limit).map(viewOf);
    const timelines = await loadTimelines(this.dataSource.manager, page);
    const last = page.at(-1);
    return {
      items: page.map((view) => presentClearance(view, timelines.get(orderKey(view.platformId, view.orderId)) ?? [])),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    };
  }
}
