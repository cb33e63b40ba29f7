// The secret consumers are filed under (CONSUMER_KEY_SECRET, libs/privacy), read once at start-up
// by the services that need it: too short stops the process; the dev default is said loudly.
import type { Provider } from '@nestjs/common';
import { consumerKeySecretOf } from '@cbec/privacy';
import type { Logger } from '@cbec/messaging';
import { ConfigError } from './config';
import { LOGGER } from './tokens';

export const CONSUMER_KEY_SECRET = Symbol('CONSUMER_KEY_SECRET');

export function readConsumerKeySecret(env: NodeJS.ProcessEnv = process.env, log?: Pick<Logger, 'warn'>): string {
  const { secret, isDevDefault, problem } = consumerKeySecretOf(env);
  if (problem) throw new ConfigError(problem);
  if (isDevDefault) log?.warn('CONSUMER_KEY_SECRET is the dev default: consumers are filed under a hash anyone can recompute; set your own secret (at least 16 characters) outside this machine');
  return secret;
}

export const consumerKeySecretProvider: Provider = { provide: CONSUMER_KEY_SECRET, inject: [LOGGER], useFactory: (log: Logger) => readConsumerKeySecret(process.env, log) };
