// The consumer's annual total of cross-border retail orders: locked while an order is assessed,
// so that concurrent orders of one consumer on different platforms take turns.
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Declaration, OrderRef } from '@cbec/contracts';
import { quotaYear, toMoney } from '@cbec/domain';
import { LedgerEntryRecord } from '../persistence/annual-ledger.entity';
import { quotaToGiveBack, totalAfterGiveBack } from './give-back.rule';

export interface QuotaAccount {
  consumerIdNumber: string;
  quotaYear: number;
  /** What the consumer's orders of the year count before this one. */
  totalBefore: string;
}

@Injectable()
export class AnnualLedger {
  /** Opens (if need be) and locks the consumer's row of the order's quota year until the transaction ends. */
  async lock(manager: EntityManager, declaration: Pick<Declaration, 'consignee' | 'placedAt'>): Promise<QuotaAccount> {
    const key: [string, number] = [declaration.consignee.idNumber, quotaYear(declaration.placedAt)];
    await manager.query('INSERT INTO annual_ledger (consumer_id_number, quota_year) VALUES ($1, $2) ON CONFLICT DO NOTHING', key);
    const [row] = await manager.query('SELECT total FROM annual_ledger WHERE consumer_id_number = $1 AND quota_year = $2 FOR UPDATE', key);
    return { consumerIdNumber: key[0], quotaYear: key[1], totalBefore: toMoney(row.total) };
  }

  /** Counts an assessed order; its entry's primary key makes a second count of the order fail. */
  async count(manager: EntityManager, order: OrderRef, account: QuotaAccount, amount: string): Promise<void> {
    await manager.getRepository(LedgerEntryRecord).insert({ ...refOf(order), consumerIdNumber: account.consumerIdNumber, quotaYear: account.quotaYear, amount, countedAt: new Date(), givenBackAt: null });
    await manager.query('UPDATE annual_ledger SET total = total + $3, updated_at = now() WHERE consumer_id_number = $1 AND quota_year = $2', [account.consumerIdNumber, account.quotaYear, amount]);
  }

  /** Gives back what a rejected order counted, once; returns the amount, or undefined if nothing. */
  async giveBack(manager: EntityManager, order: OrderRef): Promise<string | undefined> {
    const entries = manager.getRepository(LedgerEntryRecord);
    const entry = await entries.findOne({ where: refOf(order), lock: { mode: 'pessimistic_write' } });
    const amount = quotaToGiveBack(entry);
    if (!entry || !amount) return undefined;
    const key = [entry.consumerIdNumber, entry.quotaYear];
    const [row] = await manager.query('SELECT total FROM annual_ledger WHERE consumer_id_number = $1 AND quota_year = $2 FOR UPDATE', key);
    await manager.query('UPDATE annual_ledger SET total = $3, updated_at = now() WHERE consumer_id_number = $1 AND quota_year = $2', [...key, totalAfterGiveBack(row.total, amount)]);
    await entries.update(refOf(order), { givenBackAt: new Date() });
    return amount;
  }
}

function refOf(order: OrderRef): OrderRef {
  return { platformId: order.platformId, orderId: order.orderId };
}
