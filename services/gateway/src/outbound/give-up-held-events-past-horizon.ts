// An event held back for a step that never comes is not kept (and reloaded with its order's every
// event) forever: past the horizon (HELD_EVENT_HORIZON_MS, default 1 h) it is given up. It goes
// to the dead letters under its order's key, where ops see it beside the stuck order and can
// replay it once the gap is filled; it is logged at warn and counted.
import { BeforeApplicationShutdown, Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { nextStep, NOTICE_EVENTS, orderKey, REFUSAL_EVENTS, serviceEventsTopic, STATUS_EVENTS } from '@cbec/contracts';
import { CloudEvent, encodeEvent, Logger, Messaging } from '@cbec/messaging';
import { LOGGER, tableOf } from '@cbec/service-kit';
import { heldEventsGivenUp } from '../sequencing/held-events.metric';
import { OUTBOUND_CONFIG, OutboundConfig } from './outbound.config';
import { HeldEvent } from '../sequencing/persistence/held-event.entity';
import { OutboundOrder } from './persistence/outbound-order.entity';

/** Orders a sweep reads at once; it goes on until none has an event past the horizon. */
const ORDERS_PER_READ = 100;

interface GivenUp {
  subject: string;
  eventId: string;
  type: string;
  step: number;
  /** The step the order stayed before: the one that never came. */
  awaitedStep: number;
  heldForMs: number;
  deadLetterId: string;
}

@Injectable()
export class GiveUpHeldEventsPastHorizon implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private sweeping?: Promise<void>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly messaging: Messaging,
    @Inject(OUTBOUND_CONFIG) private readonly config: OutboundConfig,
    @Inject(LOGGER) private readonly log: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.sweeping ??= this.sweep()
        .catch((error) => this.log.error({ err: error }, 'giving up held events past the horizon failed; trying again at the next sweep'))
        .finally(() => (this.sweeping = undefined));
    }, this.config.heldEventSweepMs);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
  }

  /** Gives up every event held past the horizon, an order per transaction. */
  async sweep(): Promise<void> {
    for (;;) {
      const orders: { platform_id: string; order_id: string }[] = await this.dataSource.query(
        `SELECT DISTINCT platform_id, order_id FROM ${tableOf(this.dataSource.manager, HeldEvent)} WHERE held_at < now() - make_interval(secs => $1 / 1000.0) LIMIT $2`,
        [this.config.heldEventHorizonMs, ORDERS_PER_READ],
      );
      for (const order of orders) {
        const givenUp = await this.dataSource.transaction((manager) => this.giveUp(manager, order.platform_id, order.order_id));
        for (const { subject, ...event } of givenUp) {
          heldEventsGivenUp().inc();
          this.log.warn({ subject, ...event }, 'held-back event given up past the horizon: its step never came; dead-lettered for ops');
        }
      }
      if (orders.length < ORDERS_PER_READ) return;
    }
  }

  private async giveUp(manager: EntityManager, platformId: string, orderId: string): Promise<GivenUp[]> {
    const subject = orderKey(platformId, orderId);
    // The translator's lock first, so it never releases an event that is being given up.
    const [order] = await manager.query(`SELECT step FROM ${tableOf(manager, OutboundOrder)} WHERE platform_id = $1 AND order_id = $2 FOR UPDATE`, [platformId, orderId]);
    const [overdue]: [{ step: number; type: string; event: CloudEvent; held_at: Date }[]] = await manager.query(
      `DELETE FROM ${tableOf(manager, HeldEvent)} WHERE platform_id = $1 AND order_id = $2 AND held_at < now() - make_interval(secs => $3 / 1000.0) RETURNING step, type, event, held_at`,
      [platformId, orderId, this.config.heldEventHorizonMs],
    );
    const awaitedStep = nextStep(order ?? {});
    const givenUp: GivenUp[] = [];
    for (const held of overdue) {
      const heldForMs = Date.now() - new Date(held.held_at).getTime();
      const reason = `held back ${Math.round(heldForMs / 1000)} s waiting for step ${awaitedStep} of ${subject}, past the horizon of ${this.config.heldEventHorizonMs / 1000} s: given up, the platform was not told of step ${held.step}`;
      const deadLetterId = await this.messaging.deadLetters.recordGivenUp(
        // Where it was read is not kept with a held event: partition and offset are unknown (-1).
        { consumerGroup: this.messaging.consumerGroup!, topic: topicOf(held.type), partition: -1, offset: '-1', key: subject, ...encodeEvent(held.event), reason, attempts: 0 },
        held.event.id,
        manager,
      );
      givenUp.push({ subject, eventId: held.event.id, type: held.type, step: held.step, awaitedStep, heldForMs, deadLetterId });
    }
    return givenUp;
  }
}

/** The topic an event came on, the one its emitter publishes on; only these tables' types are held. */
function topicOf(type: string): string {
  return serviceEventsTopic(STATUS_EVENTS[type]?.service ?? REFUSAL_EVENTS[type] ?? NOTICE_EVENTS[type]!.service);
}
