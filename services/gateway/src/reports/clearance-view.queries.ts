// What the ops calls read from the read model's clearance_view (schema gateway; owned by the read
// model, read here with plain SQL): whether an order is known, its particulars, and the counts of
// the overview (after-sale ones included).
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClearanceParticulars } from '../read-model/particulars.rule';

export interface OrderCounts {
  total: number;
  byStatus: Record<string, number>;
  byModel: Record<string, number>;
}

/** After-sale (CONTRACT 7): cancelled and returned orders, and returns by where they stand. */
export interface AfterSaleCounts {
  cancelled: number;
  returned: number;
  returnsAccepted: number;
  returnsCompleted: number;
}

export interface Throughput {
  completedLastMinute: number;
  completedLastHour: number;
  receivedLastMinute: number;
}

@Injectable()
export class ClearanceViewQueries {
  constructor(private readonly dataSource: DataSource) {}

  async knows(platformId: string, orderId: string): Promise<boolean> {
    const rows = await this.dataSource.query('SELECT 1 FROM clearance_view WHERE platform_id = $1 AND order_id = $2', [platformId, orderId]);
    return rows.length > 0;
  }

  /** Undefined when the order is unknown; its particulars null until it is confirmed. */
  async particulars(platformId: string, orderId: string): Promise<{ particulars: ClearanceParticulars | null } | undefined> {
    const [row] = await this.dataSource.query('SELECT particulars FROM clearance_view WHERE platform_id = $1 AND order_id = $2', [platformId, orderId]);
    return row ? { particulars: row.particulars } : undefined;
  }

  async counts(): Promise<OrderCounts> {
    const rows: { status: string; model: string; count: number }[] = await this.dataSource.query(
      `SELECT status, coalesce(clearance_model, 'UNKNOWN') AS model, count(*)::int AS count FROM clearance_view GROUP BY 1, 2`,
    );
    const counts: OrderCounts = { total: 0, byStatus: {}, byModel: {} };
    for (const { status, model, count } of rows) {
      counts.total += count;
      counts.byStatus[status] = (counts.byStatus[status] ?? 0) + count;
      counts.byModel[model] = (counts.byModel[model] ?? 0) + count;
    }
    return counts;
  }

  async afterSale(): Promise<AfterSaleCounts> {
    const [row] = await this.dataSource.query(
      `WITH returned AS (SELECT r->>'status' AS status FROM clearance_view, jsonb_array_elements(coalesce(returns, '[]'::jsonb)) r)
       SELECT (SELECT count(*) FROM clearance_view WHERE status = 'CANCELLED')::int AS cancelled,
              (SELECT count(*) FROM clearance_view WHERE status = 'RETURNED')::int AS returned,
              (SELECT count(*) FROM returned WHERE status = 'ACCEPTED')::int AS "returnsAccepted",
              (SELECT count(*) FROM returned WHERE status = 'COMPLETED')::int AS "returnsCompleted"`,
    );
    return row;
  }

  /** COMPLETED is terminal, so an order's last update is when it completed. */
  async throughput(): Promise<Throughput> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE status = 'COMPLETED' AND updated_at > now() - interval '1 minute')::int AS "completedLastMinute",
              count(*) FILTER (WHERE status = 'COMPLETED' AND updated_at > now() - interval '1 hour')::int AS "completedLastHour",
              count(*) FILTER (WHERE created_at > now() - interval '1 minute')::int AS "receivedLastMinute"
         FROM clearance_view`,
    );
    return row;
  }
}
