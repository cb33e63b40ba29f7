// The outbound translator (CONTRACT 2.3): tells platforms of their orders' internal events in step
// order, and hands what it applied to the clearance projection the composing module provides.
import { DynamicModule, Module, Type } from '@nestjs/common';
import { HeldEventsMetric } from '../sequencing/held-events.metric';
import { GiveUpHeldEventsPastHorizon } from './give-up-held-events-past-horizon';
import { outboundConfigProvider } from './outbound.config';
import { OutboundTranslator } from './outbound-translator.service';

@Module({})
export class OutboundModule {
  /** With the module that exports CLEARANCE_PROJECTION (the read model's). */
  static withProjectionFrom(projection: Type): DynamicModule {
    return {
      module: OutboundModule,
      imports: [projection],
      providers: [outboundConfigProvider, OutboundTranslator, HeldEventsMetric, GiveUpHeldEventsPastHorizon],
      exports: [OutboundTranslator],
    };
  }
}
