// No table keeps a consumer's ID number as a key: tax-permit's annual ledger and the gateway's
// copy of it file a consumer under an HMAC-SHA256 of the number with one secret,
// CONSUMER_KEY_SECRET, which a stolen table cannot be reversed from by trying the small space of
// valid ID numbers. The check character is read uppercase.
import { createHmac } from 'node:crypto';

/** The one variable that holds the secret, in every service that files consumers. */
export const CONSUMER_KEY_SECRET_VARIABLE = 'CONSUMER_KEY_SECRET';

/** For one machine only: a service started with it warns at start-up. */
export const DEV_CONSUMER_KEY_SECRET = 'dev-only-consumer-key-secret-change-me';

export const MIN_CONSUMER_KEY_SECRET_LENGTH = 16;

export function consumerKeyOf(idNumber: string, secret: string): string {
  return createHmac('sha256', secret).update(idNumber.trim().toUpperCase(), 'utf8').digest('hex');
}

export interface ConsumerKeySecret {
  secret: string;
  /** True when the variable is unset and the dev default is used. */
  isDevDefault: boolean;
}

/** The secret from the environment; undefined `problem` when it is usable. */
export function consumerKeySecretOf(env: NodeJS.ProcessEnv): ConsumerKeySecret & { problem?: string } {
  const raw = env[CONSUMER_KEY_SECRET_VARIABLE];
  if (raw === undefined || raw === '') return { secret: DEV_CONSUMER_KEY_SECRET, isDevDefault: true };
  if (raw.length < MIN_CONSUMER_KEY_SECRET_LENGTH) {
    return { secret: raw, isDevDefault: false, problem: `${CONSUMER_KEY_SECRET_VARIABLE} must be at least ${MIN_CONSUMER_KEY_SECRET_LENGTH} characters, got ${raw.length}` };
  }
  return { secret: raw, isDevDefault: raw === DEV_CONSUMER_KEY_SECRET };
}
