// What any payload a platform sends must be before its field rules are even read (issue 11,
// hostile input by class): no nesting deeper than the contract's own, no keys that reach into
// JavaScript's prototypes, no text that is not text (control characters, unpaired surrogates,
// bidirectional overrides), and no string, array or payload too big to travel on in the events
// that follow. Every problem is a field error naming where it is, so it ends in INVALID_ORDER or
// INVALID_REQUEST like any other field error, never in a crash further down the pipeline.
import type { FieldError } from '../vocabulary';

export const INPUT_LIMITS = {
  /** The contract's deepest field is items[0].unitPrice or consumer.address.line1: depth 3. */
  maxDepth: 8,
  maxStringLength: 2_000,
  maxArrayLength: 500,
  maxKeysPerObject: 100,
  /** The whole payload as JSON: what follows carries it again, and Kafka takes about 1 MB a message. */
  maxPayloadBytes: 256 * 1024,
  /**
   * Field errors listed in one answer. A hostile payload can break thousands of rules at once
   * (every key of every item), and the rejection carrying them all would outgrow the event a
   * broker takes; the first ones say what is wrong, the last line how many more there were.
   */
  maxFieldErrors: 100,
} as const;

/** The field errors an answer lists: at most INPUT_LIMITS.maxFieldErrors, the last saying how many were left out. */
export function listedFieldErrors(errors: FieldError[]): FieldError[] {
  if (errors.length <= INPUT_LIMITS.maxFieldErrors) return errors;
  const kept = errors.slice(0, INPUT_LIMITS.maxFieldErrors - 1);
  return [...kept, { field: 'data', message: `data has ${errors.length - kept.length} more problems not listed (${errors.length} in all)` }];
}

/** Keys that JavaScript reads as a way into an object's prototype. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A lone surrogate: a high one without its low one, or a low one alone (not text, and jsonb refuses it). */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** C0 and C1 control characters and DEL, bidirectional embeddings, overrides and isolates, and lone surrogates. */
const NOT_TEXT = new RegExp(`[\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]|${LONE_SURROGATE.source}`);

export interface CheckedInput {
  /** The payload without prototype keys and without what lies below the depth limit. */
  clean: unknown;
  errors: FieldError[];
}

/** Checks the payload against INPUT_LIMITS, without recursion (a deep payload cannot overflow the stack). */
export function checkInputLimits(data: unknown): CheckedInput {
  const errors: FieldError[] = [];
  const root: { value?: unknown } = {};
  const stack: { value: unknown; path: string; depth: number; assign: (clean: unknown) => void }[] = [{ value: data, path: '', depth: 0, assign: (clean) => (root.value = clean) }];
  while (stack.length > 0) {
    const { value, path, depth, assign } = stack.pop()!;
    const field = path || 'data';
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) errors.push({ field, message: `${field} ${problem}` });
      assign(value);
    } else if (value === null || typeof value !== 'object') {
      assign(value);
    } else if (depth >= INPUT_LIMITS.maxDepth) {
      errors.push({ field, message: `${field} is nested deeper than ${INPUT_LIMITS.maxDepth} levels` });
    } else if (Array.isArray(value)) {
      if (value.length > INPUT_LIMITS.maxArrayLength) errors.push({ field, message: `${field} must have at most ${INPUT_LIMITS.maxArrayLength} elements` });
      const copy: unknown[] = new Array(Math.min(value.length, INPUT_LIMITS.maxArrayLength));
      assign(copy);
      for (let i = copy.length - 1; i >= 0; i--) stack.push({ value: value[i], path: `${path}[${i}]`, depth: depth + 1, assign: (clean) => (copy[i] = clean) });
    } else {
      const keys = Object.keys(value);
      if (keys.length > INPUT_LIMITS.maxKeysPerObject) errors.push({ field, message: `${field} must have at most ${INPUT_LIMITS.maxKeysPerObject} fields` });
      const copy: Record<string, unknown> = {};
      assign(copy);
      for (const key of keys.slice(0, INPUT_LIMITS.maxKeysPerObject).reverse()) {
        const child = path ? `${path}.${key}` : key;
        const keyProblem = PROTOTYPE_KEYS.has(key) ? 'is not an allowed field name' : textProblem(key, 'name');
        if (keyProblem) {
          errors.push({ field: printable(child), message: `${printable(child)} ${keyProblem}` });
          continue;
        }
        stack.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1, assign: (clean) => (copy[key] = clean) });
      }
    }
  }
  if (errors.length === 0 && Buffer.byteLength(JSON.stringify(data) ?? '') > INPUT_LIMITS.maxPayloadBytes) {
    errors.push({ field: 'data', message: `data must be at most ${INPUT_LIMITS.maxPayloadBytes} bytes as JSON` });
  }
  return { clean: root.value, errors };
}

/** Why a string is not text the contract can carry, or undefined. */
export function textProblem(text: string, what = 'text'): string | undefined {
  if (text.length > INPUT_LIMITS.maxStringLength) return `must be at most ${INPUT_LIMITS.maxStringLength} characters`;
  const found = NOT_TEXT.exec(text);
  if (!found) return undefined;
  const code = found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `must be ${what} without control characters, unpaired surrogates or bidirectional overrides (found U+${code} at ${found.index})`;
}

/** A field path fit to show: what is not text in it escaped as in JSON. */
function printable(path: string): string {
  const json = JSON.stringify(path.length > 200 ? `${path.slice(0, 200)}...` : path);
  return json.slice(1, -1);
}
