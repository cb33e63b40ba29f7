// What PostgreSQL text and jsonb cannot hold, written in a form they can: a NUL character
// (text: "invalid byte sequence for encoding UTF8: 0x00"; jsonb: "unsupported Unicode escape
// sequence") and an unpaired surrogate (jsonb refuses its escape; text would get U+FFFD) become
// their JSON escape as plain characters, `\u0000` and `\ud800`. Used where a platform's bytes are
// kept as they came (a rejected order's data, a dead letter's key, reason, headers and payload
// text); the bytes themselves stay in bytea where they must be replayed.

import { LONE_SURROGATE } from '@cbec/contracts';

const UNSTORABLE = new RegExp(`\\u0000|${LONE_SURROGATE.source}`, 'g');

/** The text with NUL and unpaired surrogates written as `\uXXXX`. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, (found) => `\\u${found.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function storableNullableText(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

/** Deeper than this, a value is not kept: the ORM and PostgreSQL's own parser recurse on it. */
export const STORED_JSON_DEPTH = 32;
export const TOO_DEEP_TO_KEEP = `(nested deeper than ${STORED_JSON_DEPTH} levels: not kept)`;

/**
 * A JSON value whose strings (keys included) are storable text, and whose objects and arrays
 * below STORED_JSON_DEPTH are replaced by TOO_DEEP_TO_KEEP; not recursive, so no depth
 * overflows the stack.
 */
export function storableJson<T>(value: T): T {
  const root = { value: value as unknown };
  const stack: { holder: Record<string, unknown> | unknown[]; key: string | number; depth: number }[] = [{ holder: root as unknown as Record<string, unknown>, key: 'value', depth: 0 }];
  while (stack.length > 0) {
    const { holder, key, depth } = stack.pop()!;
    const field = (holder as Record<string | number, unknown>)[key];
    if (field !== null && typeof field === 'object' && depth >= STORED_JSON_DEPTH) {
      (holder as Record<string | number, unknown>)[key] = TOO_DEEP_TO_KEEP;
    } else if (typeof field === 'string') {
      (holder as Record<string | number, unknown>)[key] = storableText(field);
    } else if (Array.isArray(field)) {
      const copy = [...field];
      (holder as Record<string | number, unknown>)[key] = copy;
      copy.forEach((_, index) => stack.push({ holder: copy, key: index, depth: depth + 1 }));
    } else if (field !== null && typeof field === 'object') {
      // defineProperty, so a "__proto__" key stays a plain field of the copy.
      const copy: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(field)) Object.defineProperty(copy, storableText(name), { value: inner, enumerable: true, writable: true, configurable: true });
      (holder as Record<string | number, unknown>)[key] = copy;
      for (const name of Object.keys(copy)) stack.push({ holder: copy, key: name, depth: depth + 1 });
    }
  }
  return root.value as T;
}
