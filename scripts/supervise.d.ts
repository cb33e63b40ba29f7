// Types of scripts/supervise.js, for the TypeScript tests beside it.
import type { ChildProcess } from 'node:child_process';

export interface SupervisorOptions {
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  stableAfterMs?: number;
  lastLines?: number;
  print?: (line: string) => void;
  format?: (line: string) => string;
  stopProcess?: (child: ChildProcess) => Promise<void>;
}

export interface Supervisor {
  readonly name: string;
  readonly child: ChildProcess;
  readonly runs: number;
  stop(): Promise<void>;
}

export function supervise(name: string, spawn: (onLine: (line: string) => void) => ChildProcess, options?: SupervisorOptions): Supervisor;
export function stopOnSignals(stop: () => Promise<void> | void): void;
export const SUPERVISOR_DEFAULTS: Required<Pick<SupervisorOptions, 'initialBackoffMs' | 'maxBackoffMs' | 'stableAfterMs' | 'lastLines'>>;
