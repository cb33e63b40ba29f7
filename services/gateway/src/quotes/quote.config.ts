// The secret of the keyed hash under which the gateway keeps consumers' annual totals (CONTRACT
// 7.1 quotes), read once at start-up. The dev default is for one machine only: set your own.
import { ConfigError } from '@cbec/service-kit';

export const QUOTE_CONFIG = Symbol('QUOTE_CONFIG');

export const DEV_CONSUMER_KEY_SECRET = 'dev-only-consumer-key-secret-change-me';

export interface QuoteConfig {
  consumerKeySecret: string;
}

export function readQuoteConfig(env: NodeJS.ProcessEnv = process.env): QuoteConfig {
  const secret = env.CONSUMER_KEY_SECRET || DEV_CONSUMER_KEY_SECRET;
  if (secret.length < 16) throw new ConfigError(`CONSUMER_KEY_SECRET must be at least 16 characters, got ${secret.length}`);
  return { consumerKeySecret: secret };
}

export const quoteConfigProvider = { provide: QUOTE_CONFIG, useFactory: () => readQuoteConfig() };
