// A platform's proof, payment, receipt, cancellation or return submitted over REST becomes the
// inbound event a platform would publish on Kafka (CONTRACT 2.2, 7), written through the outbox in one transaction with its
// timeline entry. The owning service judges it and answers asynchronously, as on Kafka.
import { Injectable, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { orderKey, OrderRef, TOPICS } from '@cbec/contracts';
import { Messaging } from '@cbec/messaging';
import type { Principal } from '@cbec/http-edge';
import { canSee } from '@cbec/http-edge';
import { BadRequestWithDetails } from '@cbec/http-edge';
import { ClearanceProjector } from '../read-model/clearance-projector.service';
import { loadRecord, lockClearance } from '../read-model/clearance-store';
import type { RequestAcceptedBody } from './clearance-view.dto';
import { PLATFORM_REQUESTS, PlatformRequest, RequestPath, requestDataOf } from './platform-request.rule';

@Injectable()
export class SubmitPlatformRequest {
  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
    private readonly projector: ClearanceProjector,
  ) {}

  async submit(principal: Principal, request: PlatformRequest, path: RequestPath, body: unknown): Promise<RequestAcceptedBody> {
    const ref: OrderRef = { platformId: path.platformId, orderId: path.orderId };
    // The order first, then the content, as the services judge a platform's request.
    if (!canSee(principal, ref.platformId) || !(await loadRecord(this.dataSource.manager, ref)).view) throw unknownOrder(ref);
    const { data, errors } = requestDataOf(request, path, body);
    if (!data) throw new BadRequestWithDetails(`invalid ${request} request`, errors);

    return this.dataSource.transaction(async (manager) => {
      // The order's lock before the outbox's, in the order the translator takes them.
      await lockClearance(manager, ref);
      const subject = orderKey(ref.platformId, ref.orderId);
      const [event] = await this.messaging.outbox.publish(manager, [{ topic: TOPICS.platformInbound, type: PLATFORM_REQUESTS[request].type, subject, data }]);
      const record = await this.projector.apply(manager, ref, [event]);
      return { eventId: event.id, status: record.view?.status ?? 'RECEIVED' };
    });
  }
}

export function unknownOrder(ref: OrderRef): NotFoundException {
  return new NotFoundException({ error: `no clearance ${orderKey(ref.platformId, ref.orderId)}`, details: [] });
}
