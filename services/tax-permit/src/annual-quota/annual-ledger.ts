// The consumer's annual total of cross-border retail orders: locked while an order is assessed,
// so that concurrent orders of one consumer on different platforms take turns. Every change is
// announced (annual-total-changed, with the row's version) in the same transaction, for the
// gateway's quotes (CONTRACT 7.1). A consumer is filed under their key (consumerKeyOf, libs/privacy),
// never under their ID number.
import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AnnualTotalChangedData, Declaration, OrderRef, orderKey, TAX_PERMIT_EVENTS, TOPICS } from '@cbec/contracts';
import { quotaYear, toMoney } from '@cbec/domain';
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

  /** Opens (if need be) and locks the consumer's row of the order's quota year until the transaction ends. */
  async lock(manager: EntityManager, declaration: Pick<Declaration, 'consignee' | 'placedAt'>): Promise<QuotaAccount> {
    const key: [string, number] = [consumerKeyOf(declaration.consignee.idNumber, this.consumerKeySecret), quotaYear(declaration.placedAt)];
    await manager.query('INSERT INTO annual_ledger (consumer_key, quota_year) VALUES ($1, $2) ON CONFLICT DO NOTHING', key);
    const [row] = await manager.query('SELECT total FROM annual_ledger WHERE consumer_key = $1 AND quota_year = $2 FOR UPDATE', key);
    return { consumerKey: key[0], quotaYear: key[1], totalBefore: toMoney(row.total) };
  }

  /** Counts an assessed order; its entry's primary key makes a second count of the order fail. */
  async count(manager: EntityManager, order: OrderRef, account: QuotaAccount, amount: string, publish: Publish): Promise<void> {
    await manager.getRepository(LedgerEntryRecord).insert({ ...refOf(order), consumerKey: account.consumerKey, quotaYear: account.quotaYear, amount, countedAt: new Date(), givenBackAt: null });
    const [[row]] = await manager.query(
      'UPDATE annual_ledger SET total = total + $3, version = version + 1, updated_at = now() WHERE consumer_key = $1 AND quota_year = $2 RETURNING total, version',
      [account.consumerKey, account.quotaYear, amount],
    );
    announce(publish, order, account.consumerKey, account.quotaYear, row);
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

function announce(publish: Publish, order: OrderRef, consumerKey: string, year: number, row: { total: string; version: number }): void {
  const data: AnnualTotalChangedData = { ...refOf(order), consumerKey, quotaYear: year, total: toMoney(row.total), version: Number(row.version) };
  // Keyed by the order that changed the total, as every event is (CONTRACT 1).
  publish({ topic: TOPICS.taxPermitEvents, type: TAX_PERMIT_EVENTS.annualTotalChanged, subject: orderKey(order.platformId, order.orderId), data });
}

function refOf(order: OrderRef): OrderRef {
  return { platformId: order.platformId, orderId: order.orderId };
}
