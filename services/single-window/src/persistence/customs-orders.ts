// Reading and saving the orders declared to customs, locked for the caller's transaction.
import type { EntityManager } from 'typeorm';
import type { OrderRef } from '@cbec/contracts';
import { CustomsOrder } from './customs-order.entity';

export function lockCustomsOrder(manager: EntityManager, ref: OrderRef): Promise<CustomsOrder | null> {
  return manager.findOne(CustomsOrder, { where: { platformId: ref.platformId, orderId: ref.orderId }, lock: { mode: 'pessimistic_write' } });
}

export async function saveCustomsOrder(manager: EntityManager, order: CustomsOrder): Promise<void> {
  await manager.save(CustomsOrder, { ...order, updatedAt: new Date() });
}
