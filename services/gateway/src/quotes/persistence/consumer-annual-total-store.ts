// The gateway's copy of consumers' annual totals, written a run of annual-total-changed events at
// a time with one statement, in the handler's transaction.
import type { EntityManager } from 'typeorm';

export interface AnnualTotal {
  consumerKey: string;
  quotaYear: number;
  total: string;
  version: number;
}

/** Keeps each consumer's total of each year unless a newer version is there: what the totals one after another would leave. */
export async function recordAnnualTotals(manager: EntityManager, totals: readonly AnnualTotal[]): Promise<number> {
  const newest = [...newestOfEach(totals).values()];
  await manager.query(
    `INSERT INTO consumer_annual_total (consumer_key, quota_year, total, version) SELECT * FROM unnest($1::text[], $2::int[], $3::numeric[], $4::int[])
     ON CONFLICT (consumer_key, quota_year) DO UPDATE SET total = EXCLUDED.total, version = EXCLUDED.version, updated_at = now()
     WHERE consumer_annual_total.version < EXCLUDED.version`,
    [newest.map((t) => t.consumerKey), newest.map((t) => t.quotaYear), newest.map((t) => t.total), newest.map((t) => t.version)],
  );
  return newest.length;
}

/** Per consumer and year, the total of the highest version (the first of equal ones). */
function newestOfEach(totals: readonly AnnualTotal[]): Map<string, AnnualTotal> {
  const newest = new Map<string, AnnualTotal>();
  for (const total of totals) {
    const key = JSON.stringify([total.consumerKey, total.quotaYear]);
    const known = newest.get(key);
    if (!known || known.version < total.version) newest.set(key, total);
  }
  return newest;
}
