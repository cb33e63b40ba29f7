// The inspection service's timing and sampling settings (CONTRACT 4.2), read once at start-up:
// a bad value stops the process with one clear line.
import type { Provider } from '@nestjs/common';
import { readInt, readRate, readSingleWindowMode, SingleWindowMode } from '@cbec/service-kit';

export interface InspectionConfig {
  /** How long a quarantine inspection lasts unless an officer ends it; 0 passes it at once. */
  quarantineDurationMs: number;
  /** How long a platform has to send the proof of price it was asked for. */
  proofDueMs: number;
  /** Share of orders held for manual review, 0..1. */
  samplingRate: number;
  /** `folder`: customs' receipts decide the review of models I and III (CONTRACT 8.1). */
  singleWindowMode: SingleWindowMode;
}

export const INSPECTION_CONFIG = Symbol('INSPECTION_CONFIG');

export function readInspectionConfig(env: NodeJS.ProcessEnv = process.env): InspectionConfig {
  return {
    quarantineDurationMs: readInt(env, 'QUARANTINE_DURATION_MS', 0),
    proofDueMs: readInt(env, 'PROOF_DUE_MS', 72 * 3_600_000),
    samplingRate: readRate(env, 'INSPECTION_SAMPLING_RATE', 0),
    singleWindowMode: readSingleWindowMode(env),
  };
}

export const inspectionConfigProvider: Provider = { provide: INSPECTION_CONFIG, useFactory: () => readInspectionConfig() };
