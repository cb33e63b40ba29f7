// POST /v1/orders: an order accepted over REST is durably accepted and visible at once. One
// transaction remembers it (accepted_order), makes its view RECEIVED with a timeline entry, and
// writes the order-placed event to cbec.platform.inbound through the outbox, where the order
// service takes it exactly as if the platform had published it.
import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ClearanceStatus, orderKey, OrderRef, PLATFORM_EVENTS, TOPICS } from '@cbec/contracts';
import { judgeOrderIntake } from '@cbec/domain';
import { Messaging } from '@cbec/messaging';
import type { Principal } from '@cbec/http-edge';
import { canSee } from '@cbec/http-edge';
import { BadRequestWithDetails } from '@cbec/http-edge';
import { loadRecord, lockClearance, saveRecord } from '../read-model/clearance-store';
import { project, restartCorrectedOrder } from '../read-model/projection.rule';
import type { OrderAcceptedBody } from './order-accepted.dto';
import { AcceptedOrder } from './persistence/accepted-order.entity';
import { contentHashOf, judgePlacement } from './placement.rule';

@Injectable()
export class PlaceOrder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
  ) {}

  async place(principal: Principal, body: unknown): Promise<OrderAcceptedBody> {
    const claimed = (body as { platformId?: unknown } | null)?.platformId;
    if (typeof claimed === 'string' && !canSee(principal, claimed)) {
      throw new ForbiddenException({ error: `this key submits orders of ${principal.platformId} only`, details: [{ field: 'platformId', message: `platformId must be ${principal.platformId}` }] });
    }
    // Only a malformed order is refused here; currency, identity and payment are the order
    // service's business answers (REJECTED with the reason), as they are on Kafka.
    const verdict = judgeOrderIntake(body);
    if (!verdict.ok && verdict.reasonCode === 'INVALID_ORDER') throw new BadRequestWithDetails('invalid order', verdict.details);
    const order = body as OrderRef;
    const ref = { platformId: order.platformId, orderId: order.orderId };
    const status = await this.dataSource.transaction((manager) => this.accept(manager, ref, body));
    return { ...ref, status, links: { self: `/v1/clearances/${ref.platformId}/${ref.orderId}` } };
  }

  private async accept(manager: EntityManager, ref: OrderRef, data: unknown): Promise<ClearanceStatus> {
    await lockClearance(manager, ref);
    const accepted = await manager.getRepository(AcceptedOrder).findOneBy(ref);
    const record = await loadRecord(manager, ref);
    const contentHash = contentHashOf(data);
    const placement = judgePlacement({ acceptedHash: accepted?.contentHash ?? null, view: record.view }, contentHash);

    if (placement === 'same-content') return record.view?.status ?? 'RECEIVED';
    if (placement === 'conflict') {
      throw new ConflictException({ error: `order ${orderKey(ref.platformId, ref.orderId)} was already accepted with different content; the first order goes on`, details: [] });
    }
    const [event] = await this.messaging.outbox.publish(manager, [{ topic: TOPICS.platformInbound, type: PLATFORM_EVENTS.orderPlaced, subject: orderKey(ref.platformId, ref.orderId), data }]);
    const after = placement === 'corrected' ? restartCorrectedOrder(record, event) : project(record, event);
    await saveRecord(manager, record, after);
    // An order known only from Kafka is forwarded, not remembered: its accepted content is the order service's.
    if (placement !== 'forward') await manager.getRepository(AcceptedOrder).save({ ...ref, contentHash, eventId: event.id, acceptedAt: new Date(event.time) });
    return after.view!.status;
  }
}
