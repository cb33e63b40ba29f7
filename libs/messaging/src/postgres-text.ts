// What PostgreSQL text and jsonb cannot hold, written in a form they can: a NUL character
// (text: "invalid byte sequence for encoding UTF8: 0x00"; jsonb: "unsupported Unicode escape
// sequence") and an unpaired surrogate (jsonb refuses its escape; text would get U+FFFD) become
// their JSON escape as plain characters, `\u0000` and `\ud800`. Used where a platform's bytes are
// kept as they came (a rejected order's data, a dead letter's key, reason, headers and payload
// text); the bytes themselves stay in bytea where they must be replayed.

const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with NUL and unpaired surrogates written as `\uXXXX`. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, (found) => `\\u${found.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function storableNullableText(text: string | null): string | null {
  return text === null ? null : storableText(text);
}

/** A JSON value whose strings (keys included) are storable text; not recursive, so depth cannot overflow the stack. */
export function storableJson<T>(value: T): T {
  const root = { value: value as unknown };
  const stack: { holder: Record<string, unknown> | unknown[]; key: string | number }[] = [{ holder: root as unknown as Record<string, unknown>, key: 'value' }];
  while (stack.length > 0) {
    const { holder, key } = stack.pop()!;
    const field = (holder as Record<string | number, unknown>)[key];
    if (typeof field === 'string') {
      (holder as Record<string | number, unknown>)[key] = storableText(field);
    } else if (Array.isArray(field)) {
      const copy = [...field];
      (holder as Record<string | number, unknown>)[key] = copy;
      copy.forEach((_, index) => stack.push({ holder: copy, key: index }));
    } else if (field !== null && typeof field === 'object') {
      // defineProperty, so a "__proto__" key stays a plain field of the copy.
      const copy: Record<string, unknown> = {};
      for (const [name, inner] of Object.entries(field)) Object.defineProperty(copy, storableText(name), { value: inner, enumerable: true, writable: true, configurable: true });
      (holder as Record<string | number, unknown>)[key] = copy;
      for (const name of Object.keys(copy)) stack.push({ holder: copy, key: name });
    }
  }
  return root.value as T;
}
