// The Single Window service's settings (CONTRACT 8.1, 8.3), read and checked once at start-up:
// the mode, the two exchange folders, the profile of codes and the signing identity. A profile
// that cannot be read or lacks an entry stops the service with the path named (ConfigError).
import * as path from 'node:path';
import type { Provider } from '@nestjs/common';
import { loadProfile, loadSigningIdentity, SigningIdentity, SingleWindowProfile } from '@cbec/single-window';
import { LOGGER, readInt, readSingleWindowMode, SingleWindowMode } from '@cbec/service-kit';
import type { Logger } from '@cbec/messaging';

export interface SingleWindowConfig {
  mode: SingleWindowMode;
  /** Where messages are written for the exchange client, and where its receipts appear. */
  outDir: string;
  inDir: string;
  /** How often the in folder is read and unwritten messages are written. */
  pollMs: number;
  profile: SingleWindowProfile;
  identity: SigningIdentity;
}

export const SINGLE_WINDOW_CONFIG = Symbol('SINGLE_WINDOW_CONFIG');

export function readSingleWindowConfig(env: NodeJS.ProcessEnv = process.env, log?: Pick<Logger, 'warn'>): SingleWindowConfig {
  const mode = readSingleWindowMode(env);
  const { profile, isDevProfile } = loadProfile(env.SINGLE_WINDOW_PROFILE || undefined);
  if (isDevProfile) log?.warn('SINGLE_WINDOW_PROFILE is not set: the dev profile with made-up enterprise and customs codes is used; set your own before declaring to customs');
  const { identity, isDevIdentity } = loadSigningIdentity({
    keyFile: env.SINGLE_WINDOW_KEY || undefined,
    certFile: env.SINGLE_WINDOW_CERT || undefined,
    devDir: path.resolve(env.SINGLE_WINDOW_DEV_IDENTITY_DIR || 'var/single-window/dev-identity'),
  });
  if (isDevIdentity) log?.warn('SINGLE_WINDOW_KEY and SINGLE_WINDOW_CERT are not set: messages are signed with a dev RSA key and a self-signed certificate customs will not accept');
  return {
    mode,
    outDir: path.resolve(env.SINGLE_WINDOW_OUT_DIR || 'var/single-window/out'),
    inDir: path.resolve(env.SINGLE_WINDOW_IN_DIR || 'var/single-window/in'),
    pollMs: readInt(env, 'SINGLE_WINDOW_POLL_MS', 500, 50),
    profile,
    identity,
  };
}

export const singleWindowConfigProvider: Provider = { provide: SINGLE_WINDOW_CONFIG, inject: [LOGGER], useFactory: (log: Logger) => readSingleWindowConfig(process.env, log) };
