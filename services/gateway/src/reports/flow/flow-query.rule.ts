// The query parameters of the flow calls: a window (minutes for the throughput, hours for the
// funnel and the reasons) and, for the funnel, a model. Every bad one is named (400).
import { CLEARANCE_MODELS, ClearanceModel, FieldError } from '@cbec/contracts';

export const THROUGHPUT_MINUTES = { default: 60, max: 24 * 60 };
export const WINDOW_HOURS = { default: 24, max: 30 * 24 };

type Read<T> = { ok: true; query: T } | { ok: false; errors: FieldError[] };

export function readThroughputQuery(raw: Record<string, unknown>): Read<{ minutes: number }> {
  const errors = unknownParameters(raw, ['minutes']);
  const minutes = wholeNumber(raw, 'minutes', THROUGHPUT_MINUTES.default, THROUGHPUT_MINUTES.max, errors);
  return errors.length ? { ok: false, errors } : { ok: true, query: { minutes } };
}

export function readWindowQuery(raw: Record<string, unknown>, withModel: boolean): Read<{ hours: number; model?: ClearanceModel }> {
  const errors = unknownParameters(raw, withModel ? ['hours', 'model'] : ['hours']);
  const hours = wholeNumber(raw, 'hours', WINDOW_HOURS.default, WINDOW_HOURS.max, errors);
  const model = raw.model;
  if (withModel && model !== undefined && !CLEARANCE_MODELS.includes(model as ClearanceModel)) errors.push({ field: 'model', message: `model must be one of ${CLEARANCE_MODELS.join(', ')}` });
  if (errors.length) return { ok: false, errors };
  return { ok: true, query: { hours, ...(withModel && model !== undefined ? { model: model as ClearanceModel } : {}) } };
}

function unknownParameters(raw: Record<string, unknown>, known: string[]): FieldError[] {
  return Object.keys(raw)
    .filter((name) => !known.includes(name))
    .map((name) => ({ field: name, message: `${name} is not a parameter of this call (${known.join(', ')})` }));
}

function wholeNumber(raw: Record<string, unknown>, name: string, fallback: number, max: number, errors: FieldError[]): number {
  const value = raw[name];
  if (value === undefined) return fallback;
  if (typeof value === 'string' && /^\d{1,6}$/.test(value) && Number(value) >= 1 && Number(value) <= max) return Number(value);
  errors.push({ field: name, message: `${name} must be a whole number from 1 to ${max}` });
  return fallback;
}
