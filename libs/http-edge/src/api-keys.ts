// Bearer keys from GATEWAY_API_KEYS (`platformId:key` pairs, comma-separated; `ops` is the ops
// role), compared in constant time: every configured key is compared, through fixed-length
// digests, whatever matched earlier.
import { createHash, timingSafeEqual } from 'node:crypto';
import { ConfigError } from '@cbec/service-kit';

export const OPS_PLATFORM_ID = 'ops';

export interface Principal {
  platformId: string;
  isOps: boolean;
}

export class ApiKeys {
  private constructor(private readonly keys: { platformId: string; digest: Buffer }[]) {}

  static parse(raw: string | undefined): ApiKeys {
    const pairs = (raw ?? '').split(',').map((pair) => pair.trim()).filter(Boolean);
    const keys = pairs.map((pair) => {
      const colon = pair.indexOf(':');
      const platformId = pair.slice(0, colon).trim();
      const key = pair.slice(colon + 1).trim();
      if (colon <= 0 || key.length < 8) throw new ConfigError(`GATEWAY_API_KEYS must be platformId:key pairs with keys of at least 8 characters, got an entry for "${platformId || pair.slice(0, 12)}"`);
      return { platformId, digest: digest(key) };
    });
    if (keys.length === 0) throw new ConfigError('GATEWAY_API_KEYS is empty: set platformId:key pairs (the platform id "ops" is the ops role)');
    return new ApiKeys(keys);
  }

  /** The principal a presented key belongs to, or undefined. */
  authenticate(presented: string): Principal | undefined {
    const candidate = digest(presented);
    let found: string | undefined;
    for (const { platformId, digest: known } of this.keys) {
      if (timingSafeEqual(candidate, known) && found === undefined) found = platformId;
    }
    return found === undefined ? undefined : { platformId: found, isOps: found === OPS_PLATFORM_ID };
  }
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key, 'utf8').digest();
}
