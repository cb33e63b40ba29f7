// cbec_outbound_held_events: events held back waiting for an earlier step. Counted from the table
// at scrape time, so it is right across restarts and replicas; one that stays above zero is an
// order stuck on a missing step. cbec_outbound_held_events_given_up_total: those that waited past
// the horizon and were dead-lettered.
import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { metricsRegistry } from '@cbec/messaging';
import { HeldEvent } from './persistence/held-event.entity';

const NAME = 'cbec_outbound_held_events';
const GIVEN_UP = 'cbec_outbound_held_events_given_up_total';

/** The process's one counter of held events given up past the horizon. */
export function heldEventsGivenUp(): Counter {
  return (metricsRegistry.getSingleMetric(GIVEN_UP) as Counter | undefined) ?? new Counter({ name: GIVEN_UP, help: 'Held-back events given up past HELD_EVENT_HORIZON_MS and dead-lettered for ops' });
}

/** The source the process's one gauge reads; the latest started application's. */
let countHeld: (() => Promise<number>) | undefined;

@Injectable()
export class HeldEventsMetric implements OnModuleInit, OnModuleDestroy {
  private readonly count = () => this.dataSource.getRepository(HeldEvent).count();

  constructor(private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!metricsRegistry.getSingleMetric(NAME)) {
      new Gauge({
        name: NAME,
        help: 'Internal events held back by the outbound translator until the step before them arrives',
        async collect() {
          // A failed count keeps the last value rather than failing the whole scrape.
          const held = await countHeld?.().catch(() => undefined);
          if (held !== undefined) this.set(held);
        },
      });
    }
    countHeld = this.count;
  }

  onModuleDestroy(): void {
    if (countHeld === this.count) countHeld = undefined;
  }
}
