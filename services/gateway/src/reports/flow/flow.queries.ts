// The flow of orders as SQL aggregates over the read model (clearance_view, timeline_entry):
// orders entering and completing per minute, the statuses reached, rejections and refusals by
// reason. An order enters at its view's createdAt and completes at its COMPLETED entry.
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { ClearanceModel, ClearanceStatus } from '@cbec/contracts';

export interface MinuteCount {
  minute: string;
  entered: number;
  completed: number;
}

export interface ReasonCount {
  reasonCode: string;
  count: number;
}

@Injectable()
export class FlowQueries {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per minute of the last `minutes`, the current minute last, empty minutes as zero. */
  async perMinute(minutes: number): Promise<MinuteCount[]> {
    const rows: { minute: Date; entered: number; completed: number }[] = await this.dataSource.query(
      `WITH minutes AS (
         SELECT generate_series(date_trunc('minute', now()) - ($1::int - 1) * interval '1 minute', date_trunc('minute', now()), interval '1 minute') AS minute),
       entered AS (
         SELECT date_trunc('minute', created_at) AS minute, count(*)::int AS n FROM clearance_view
          WHERE created_at >= date_trunc('minute', now()) - ($1::int - 1) * interval '1 minute' GROUP BY 1),
       completed AS (
         SELECT date_trunc('minute', at) AS minute, count(DISTINCT (platform_id, order_id))::int AS n FROM timeline_entry
          WHERE kind = 'status' AND status = 'COMPLETED' AND at >= date_trunc('minute', now()) - ($1::int - 1) * interval '1 minute' GROUP BY 1)
       SELECT m.minute, coalesce(e.n, 0) AS entered, coalesce(c.n, 0) AS completed
         FROM minutes m LEFT JOIN entered e ON e.minute = m.minute LEFT JOIN completed c ON c.minute = m.minute
        ORDER BY m.minute`,
      [minutes],
    );
    return rows.map((row) => ({ minute: new Date(row.minute).toISOString(), entered: row.entered, completed: row.completed }));
  }

  /** Of the orders that entered since `since`: how many, and how many reached each status. */
  async reached(since: Date, model?: ClearanceModel): Promise<{ entered: number; reached: Partial<Record<ClearanceStatus, number>>; rejected: number }> {
    const modelFilter = model ? 'AND v.clearance_model = $2' : '';
    const parameters = model ? [since, model] : [since];
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS entered, count(*) FILTER (WHERE v.status = 'REJECTED')::int AS rejected FROM clearance_view v WHERE v.created_at >= $1 ${modelFilter}`,
      parameters,
    );
    const rows: { status: ClearanceStatus; orders: number }[] = await this.dataSource.query(
      `SELECT t.status, count(DISTINCT (t.platform_id, t.order_id))::int AS orders
         FROM timeline_entry t JOIN clearance_view v ON v.platform_id = t.platform_id AND v.order_id = t.order_id
        WHERE t.kind = 'status' AND t.status IS NOT NULL AND v.created_at >= $1 ${modelFilter}
        GROUP BY t.status`,
      parameters,
    );
    return { entered: totals.entered, rejected: totals.rejected, reached: Object.fromEntries(rows.map((row) => [row.status, row.orders])) };
  }

  /** Rejections (orders entering REJECTED) and refusals (of platform requests) since `since`, by reason, most first. */
  async reasons(since: Date): Promise<{ rejections: ReasonCount[]; refusals: ReasonCount[] }> {
    const rows: { kind: 'status' | 'refusal'; reasonCode: string; count: number }[] = await this.dataSource.query(
      `SELECT kind, coalesce(reason_code, 'UNKNOWN') AS "reasonCode", count(*)::int AS count FROM timeline_entry
        WHERE at >= $1 AND ((kind = 'status' AND status = 'REJECTED') OR kind = 'refusal')
        GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
      [since],
    );
    const of = (kind: string) => rows.filter((row) => row.kind === kind).map(({ reasonCode, count }) => ({ reasonCode, count }));
    return { rejections: of('status'), refusals: of('refusal') };
  }
}
