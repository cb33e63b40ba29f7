// Tells the platform of an order's internal events on cbec.platform.outbound, in step order and
// numbered: locks the order, holds back an early event, applies what is due, all in the
// handler's transaction with the outgoing events (through the outbox). The clearance read model
// takes the events it applies in the same order and the same transaction.
import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { orderKey, TOPICS } from '@cbec/contracts';
import { CloudEvent, HandlerContext, orderRefOf } from '@cbec/messaging';
import { appliedEvents } from '../read-model/applied-events.rule';
import { ClearanceProjector } from '../read-model/clearance-projector.service';
import { HeldEvent } from './persistence/held-event.entity';
import { OutboundOrder } from './persistence/outbound-order.entity';
import { initialState, OrderState } from './outbound-data.rule';
import { planDelivery, stepOf } from './step-order.rule';

@Injectable()
export class OutboundTranslator {
  constructor(private readonly readModel: ClearanceProjector) {}

  async translate(event: CloudEvent, { manager, publish, log }: HandlerContext): Promise<void> {
    const ref = orderRefOf(event)!;
    const order = await lockOrder(manager, initialState(ref));
    const held = (await manager.getRepository(HeldEvent).find({ where: ref, order: { step: 'ASC', heldAt: 'ASC' } })).map((h) => h.event);
    const plan = planDelivery(order, event, held);
    const { step } = stepOf(event);

    if (plan.arrival === 'ignore') return log.info({ step, orderStep: order.step }, 'step already told to the platform; duplicate ignored');
    if (plan.arrival === 'hold') {
      await manager.getRepository(HeldEvent).save({ eventId: event.id, ...ref, step, type: event.type, event });
      return log.info({ step, orderStep: order.step }, 'event ahead of its step; held back until the gap fills');
    }

    const subject = orderKey(ref.platformId, ref.orderId);
    for (const message of plan.messages) publish({ topic: TOPICS.platformOutbound, type: message.type, subject, data: message.data });
    if (plan.settled.length > 0) await manager.getRepository(HeldEvent).delete({ eventId: In(plan.settled) });
    const { platformId, orderId, ...progress } = plan.state;
    await manager.getRepository(OutboundOrder).update({ platformId, orderId }, progress);
    await this.readModel.apply(manager, ref, appliedEvents(order.step, event, held, plan));
    log.info({ ...progress, released: plan.settled.length }, 'platform told');
  }
}

/** The order's row, created if missing and locked, so events of one order from several partitions take turns. */
async function lockOrder(manager: EntityManager, initial: OrderState): Promise<OrderState> {
  const orders = manager.getRepository(OutboundOrder);
  await orders.createQueryBuilder().insert().values(initial).orIgnore().execute();
  const { platformId, orderId } = initial;
  const row = await orders.findOneOrFail({ where: { platformId, orderId }, lock: { mode: 'pessimistic_write' } });
  return { platformId, orderId, status: row.status, clearanceModel: row.clearanceModel, step: row.step, sequence: row.sequence };
}
