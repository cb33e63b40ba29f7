// The tax-permit service's own settings, read and checked once at start-up.
import type { Provider } from '@nestjs/common';
import { readInt } from '@cbec/service-kit';

export const TAX_PERMIT_CONFIG = Symbol('TAX_PERMIT_CONFIG');

/** CONTRACT 4.3: a tax not paid within 72 h rejects the order (TAX_UNPAID_TIMEOUT). */
export const DEFAULT_TAX_DUE_MS = 72 * 60 * 60 * 1000;

export interface TaxPermitConfig {
  taxDueMs: number;
}

export function readTaxPermitConfig(env: NodeJS.ProcessEnv = process.env): TaxPermitConfig {
  return { taxDueMs: readInt(env, 'TAX_DUE_MS', DEFAULT_TAX_DUE_MS, 1) };
}

export const taxPermitConfigProvider: Provider = { provide: TAX_PERMIT_CONFIG, useFactory: () => readTaxPermitConfig() };
