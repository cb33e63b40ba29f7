// The consumer's annual total of cross-border retail orders: locked while an order is assessed,
// so that concurrent orders of one consumer on different platforms take turns. Every change is
// announced (annual-total-changed, with the row's version) in the same transaction, for the
// gateway's quotes (CONTRACT 7.1). A consumer is filed under their key (consumerKeyOf, libs/privacy),
// never under their ID number.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AnnualTotalChangedData, Declaration, OrderRef, orderKey, TAX_PERMIT_EVENTS, TOPICS } from '@cbec/contracts';
import { Money, quotaYear, toMoney } from '@cbec/domain';
import type { HandlerContext } from '@cbec/messaging';
import { consumerKeyOf } from '@cbec/privacy';
import { CONSUMER_KEY_SECRET } from '@cbec/service-kit';
import { LedgerEntryRecord } from '../persistence/annual-ledger.entity';
import { quotaOfReturnToGiveBack, quotaToGiveBack, totalAfterGiveBack } from './give-back.rule';

export interface QuotaAccount {
  /** The HMAC-SHA256 of the consumer's ID number with CONSUMER_KEY_SECRET. */
  consumerKey: string;
  quotaYear: number;
  /** What the consumer's orders of the year count before this one. */
  totalBefore: string;
}

type Publish = HandlerContext['publish'];

@Injectable()
export class AnnualLedger {
  constructor(@Inject(CONSUMER_KEY_SECRET) private readonly consumerKeySecret: string) {}

  /**
   * Opens (if need be) and locks the rows of the consumers' quota years of the orders, until the
   * transaction ends, in key order: orders of one consumer on several platforms take turns.
   */
  async lockAccounts(manager: EntityManager, declarations: Pick<Declaration, 'consignee' | 'placedAt'>[]): Promise<LedgerRun> {
    const keys = new Map(declarations.map((declaration) => this.accountKeyOf(declaration)).map((key) => [JSON.stringify(key), key]));
    const sorted = [...keys.keys()].sort().map((key) => keys.get(key)!);
    const params = [sorted.map(([consumerKey]) => consumerKey), sorted.map(([, year]) => year)];
    const accounts = new Map<string, Account>();
    if (sorted.length > 0) {
      await manager.query('INSERT INTO annual_ledger (consumer_key, quota_year) SELECT * FROM unnest($1::text[], $2::int[]) ON CONFLICT DO NOTHING', params);
      const rows: { consumer_key: string; quota_year: number; total: string; version: number }[] = await manager.query(
        'SELECT consumer_key, quota_year, total, version FROM annual_ledger WHERE (consumer_key, quota_year) IN (SELECT * FROM unnest($1::text[], $2::int[])) ORDER BY consumer_key, quota_year FOR UPDATE',
        params,
      );
      for (const row of rows) accounts.set(JSON.stringify([row.consumer_key, row.quota_year]), { consumerKey: row.consumer_key, quotaYear: row.quota_year, total: row.total, version: Number(row.version) });
    }
    return new LedgerRun(accounts, (declaration) => this.accountKeyOf(declaration));
  }

  private accountKeyOf(declaration: Pick<Declaration, 'consignee' | 'placedAt'>): [string, number] {
    return [consumerKeyOf(declaration.consignee.idNumber, this.consumerKeySecret), quotaYear(declaration.placedAt)];
  }

  /** Gives back what a rejected or cancelled order counted, once; returns the amount, or undefined if nothing. */
  async giveBack(manager: EntityManager, order: OrderRef, publish: Publish): Promise<string | undefined> {
    const entry = await this.entryOf(manager, order);
    const amount = quotaToGiveBack(entry);
    if (!entry || !amount) return undefined;
    await this.lower(manager, order, entry, amount, publish);
    await manager.getRepository(LedgerEntryRecord).update(refOf(order), { givenBackAt: new Date() });
    return amount;
  }

  /** Gives back the part a return brought back (CONTRACT 7.3), never more than the order counts. */
  async giveBackPart(manager: EntityManager, order: OrderRef, asked: string, publish: Publish): Promise<string | undefined> {
    const entry = await this.entryOf(manager, order);
    const amount = quotaOfReturnToGiveBack(entry, asked);
    if (!entry || !amount) return undefined;
    await this.lower(manager, order, entry, amount, publish);
    await manager.query('UPDATE ledger_entry SET given_back = given_back + $3 WHERE platform_id = $1 AND order_id = $2', [order.platformId, order.orderId, amount]);
    return amount;
  }

  private entryOf(manager: EntityManager, order: OrderRef): Promise<LedgerEntryRecord | null> {
    return manager.getRepository(LedgerEntryRecord).findOne({ where: refOf(order), lock: { mode: 'pessimistic_write' } });
  }

  private async lower(manager: EntityManager, order: OrderRef, entry: LedgerEntryRecord, amount: string, publish: Publish): Promise<void> {
    const key = [entry.consumerKey, entry.quotaYear];
    const [current] = await manager.query('SELECT total FROM annual_ledger WHERE consumer_key = $1 AND quota_year = $2 FOR UPDATE', key);
    const [[row]] = await manager.query('UPDATE annual_ledger SET total = $3, version = version + 1, updated_at = now() WHERE consumer_key = $1 AND quota_year = $2 RETURNING total, version', [
      ...key,
      totalAfterGiveBack(current.total, amount),
    ]);
    announce(publish, order, entry.consumerKey, entry.quotaYear, row);
  }
}

interface Account {
  consumerKey: string;
  quotaYear: number;
  /** The total as counted so far in the run, unrounded. */
  total: string;
  version: number;
}

/**
 * The locked accounts of a run of assessments: orders are counted in memory in the run's order
 * (each announced with the total and version it leaves) and written at once by `save`.
 */
export class LedgerRun {
  private readonly entries: Omit<LedgerEntryRecord, 'givenBackAt' | 'givenBack'>[] = [];

  constructor(
    private readonly accounts: Map<string, Account>,
    private readonly accountKeyOf: (declaration: Pick<Declaration, 'consignee' | 'placedAt'>) => [string, number],
  ) {}

  /** The consumer's account of the order's quota year; it must have been locked with the run. */
  account(declaration: Pick<Declaration, 'consignee' | 'placedAt'>): QuotaAccount {
    const { consumerKey, quotaYear, total } = this.stateOf(this.accountKeyOf(declaration));
    return { consumerKey, quotaYear, totalBefore: toMoney(total) };
  }

  /** Counts an assessed order: announced at once with the total and version it leaves, written by `save`. */
  count(order: OrderRef, account: QuotaAccount, amount: string, publish: Publish): void {
    const state = this.stateOf([account.consumerKey, account.quotaYear]);
    state.total = new Money(state.total).plus(amount).toFixed();
    state.version += 1;
    this.entries.push({ ...refOf(order), consumerKey: account.consumerKey, quotaYear: account.quotaYear, amount, countedAt: new Date() });
    announce(publish, order, account.consumerKey, account.quotaYear, state);
  }

  async save(manager: EntityManager): Promise<void> {
    const { entries } = this;
    if (entries.length === 0) return;
    // The entries' primary key makes a second count of an order fail here.
    await manager.query(
      'INSERT INTO ledger_entry (platform_id, order_id, consumer_key, quota_year, amount, counted_at) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::numeric[], $6::timestamptz[])',
      [entries.map((e) => e.platformId), entries.map((e) => e.orderId), entries.map((e) => e.consumerKey), entries.map((e) => e.quotaYear), entries.map((e) => e.amount), entries.map((e) => e.countedAt.toISOString())],
    );
    // PostgreSQL adds the amounts, so the total reads as it would after one update per order.
    await manager.query(
      `UPDATE annual_ledger AS l SET total = l.total + c.amount, version = l.version + c.orders, updated_at = now()
       FROM (SELECT consumer_key, quota_year, sum(amount) AS amount, count(*) AS orders FROM unnest($1::text[], $2::int[], $3::numeric[]) AS e(consumer_key, quota_year, amount) GROUP BY 1, 2) AS c
       WHERE l.consumer_key = c.consumer_key AND l.quota_year = c.quota_year`,
      [entries.map((e) => e.consumerKey), entries.map((e) => e.quotaYear), entries.map((e) => e.amount)],
    );
  }

  private stateOf(key: [string, number]): Account {
    const state = this.accounts.get(JSON.stringify(key));
    if (!state) throw new Error(`the account of ${key[1]} was not locked with the run`);
    return state;
  }
}

function announce(publish: Publish, order: OrderRef, consumerKey: string, year: number, row: { total: string; version: number }): void {
  const data: AnnualTotalChangedData = { ...refOf(order), consumerKey, quotaYear: year, total: toMoney(row.total), version: Number(row.version) };
  // Keyed by the order that changed the total, as every event is (CONTRACT 1).
  publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.annualTotalChanged, subject: orderKey(order.platformId, order.orderId), data });
}

function refOf(order: OrderRef): OrderRef {
  return { platformId: order.platformId, orderId: order.orderId };
}
