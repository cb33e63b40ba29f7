// A platform as the end-to-end tests play it: it knows only CONTRACT.md. It publishes to
// cbec.platform.inbound and reads what the system tells it on cbec.platform.outbound.
import { randomUUID } from 'node:crypto';
import { ClearanceStatus, OPS_COMMANDS, OrderPlacedData, OUTBOUND_EVENTS, PLATFORM_EVENTS, TOPICS } from '@cbec/contracts';
import { eventually, orderPlacedEvent, platformEvent, TestPublisher, TopicProbe } from '@cbec/testing';

type Ref = { platformId: string; orderId: string };
export type OutboundEvent = { id: string; type: string; subject: string; time: string; data: any };

export class Platform {
  private constructor(
    private readonly publisher: TestPublisher,
    readonly outbound: TopicProbe,
  ) {}

  static async start(): Promise<Platform> {
    return new Platform(await TestPublisher.start(), await TopicProbe.start([TOPICS.platformOutbound]));
  }

  async stop(): Promise<void> {
    await this.outbound.stop();
    await this.publisher.stop();
  }

  async placeOrder(order: OrderPlacedData, id?: string): Promise<string> {
    const event = orderPlacedEvent(order, id);
    await this.publisher.sendStructured(TOPICS.platformInbound, event);
    return event.id;
  }

  /** Publishes one of the other inbound types; returns the event id. */
  async send(type: string, data: Ref & Record<string, unknown>, id: string = randomUUID()): Promise<string> {
    await this.publisher.sendStructured(TOPICS.platformInbound, platformEvent(type, data, id));
    return id;
  }

  pay(ref: Ref, assessmentId: string, amount: string, id?: string) {
    return this.send(PLATFORM_EVENTS.taxPaid, { ...ref, assessmentId, amount, paymentReference: `PAY-TAX-${ref.orderId}`, paidAt: '2026-11-12T10:00:00+08:00' }, id);
  }

  prove(ref: Ref, kinds: string[], id?: string) {
    const documents = kinds.map((kind) => ({ kind, fileName: `${kind.toLowerCase()}.pdf`, sha256: 'a'.repeat(64) }));
    return this.send(PLATFORM_EVENTS.proofSubmitted, { ...ref, documents, note: 'as requested' }, id);
  }

  pickUp(ref: Ref, pickupCode: string, id?: string) {
    return this.send(PLATFORM_EVENTS.goodsReceived, { ...ref, receivedBy: 'Li Wei', receivedAt: '2026-11-15T10:00:00+08:00', method: 'PICKUP', pickupCode }, id);
  }

  sign(ref: Ref, id?: string) {
    return this.send(PLATFORM_EVENTS.goodsReceived, { ...ref, receivedBy: 'Li Wei', receivedAt: '2026-11-15T10:00:00+08:00', method: 'SIGNATURE' }, id);
  }

  /** Withdraws the order (CONTRACT 7.2). */
  cancel(ref: Ref, reason = 'the consumer cancelled the order', id?: string, requestedAt = '2026-11-11T09:00:00+08:00') {
    return this.send(PLATFORM_EVENTS.cancelRequested, { ...ref, reason, requestedAt }, id);
  }

  /** Asks to return goods of a completed order (CONTRACT 7.3). */
  requestReturn(ref: Ref, returnId: string, items: { sku: string; quantity: number }[], id?: string, requestedAt = '2026-11-20T10:00:00+08:00') {
    return this.send(PLATFORM_EVENTS.returnRequested, { ...ref, returnId, items, reason: 'does not fit', requestedAt }, id);
  }

  /** The platform's returns warehouse has the goods of a return back (CONTRACT 7.3). */
  returnArrived(ref: Ref, returnId: string, id?: string, receivedAt = '2026-11-25T10:00:00+08:00') {
    return this.send(PLATFORM_EVENTS.returnReceived, { ...ref, returnId, receivedAt }, id);
  }

  /** An ops officer's decision, as the gateway will send it (CONTRACT 4.2 rule 5). */
  async decide(ref: Ref, decision: 'RELEASE' | 'FAIL'): Promise<void> {
    const event = { ...platformEvent(OPS_COMMANDS.decideInspection, { ...ref, decision, note: 'e2e officer', decidedBy: 'officer-e2e' }), source: '/services/gateway' };
    await this.publisher.sendStructured(TOPICS.opsCommands, event);
  }

  /** Everything the platform was told about one order, in arrival order. */
  eventsOf(ref: Ref): OutboundEvent[] {
    return this.outbound.eventsOf(`${ref.platformId}/${ref.orderId}`);
  }

  statusesOf(ref: Ref): ClearanceStatus[] {
    return this.eventsOf(ref)
      .filter((e) => e.type === OUTBOUND_EVENTS.statusChanged)
      .map((e) => e.data.status);
  }

  /** Waits for the first event of a type (and matching a condition) about the order. */
  async waitFor(ref: Ref, type: string, match: (event: OutboundEvent) => boolean = () => true, timeoutMs = 30_000): Promise<OutboundEvent> {
    return eventually(() => this.eventsOf(ref).find((e) => e.type === type && match(e)), { timeoutMs, what: `${type} for ${ref.platformId}/${ref.orderId} (got: ${this.statusesOf(ref).join(' -> ') || 'nothing'})` });
  }

  async waitForStatus(ref: Ref, status: ClearanceStatus, timeoutMs = 30_000): Promise<OutboundEvent> {
    return this.waitFor(ref, OUTBOUND_EVENTS.statusChanged, (e) => e.data.status === status, timeoutMs);
  }

  /** Waits until the order has been quiet a moment, so a test can assert nothing more came. */
  async settled(ref: Ref, quietMs = 1_500): Promise<OutboundEvent[]> {
    let count = -1;
    await eventually(
      async () => {
        const now = this.eventsOf(ref).length;
        if (now === count) return true;
        count = now;
        await new Promise((resolve) => setTimeout(resolve, quietMs));
        return this.eventsOf(ref).length === count;
      },
      { timeoutMs: 30_000, what: 'the order to settle' },
    );
    return this.eventsOf(ref);
  }
}
