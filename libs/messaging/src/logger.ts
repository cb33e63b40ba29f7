// One JSON logger for every service (pino), with personal data masked wherever it appears.
import pino, { Logger } from 'pino';
import { maskPersonalData } from '@cbec/privacy';

export type { Logger } from 'pino';

export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }), log: (object) => maskPersonalData(object) as Record<string, unknown> },
  });
}
