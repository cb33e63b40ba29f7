// Work that must not overlap, by key, within this process: each piece waits for the one before it
// of the same key while holding nothing (no pooled connection, no lock).
export class Turns {
  /** The last piece of work of each key, settled or not; removed once the key is idle. */
  private readonly last = new Map<string, Promise<unknown>>();

  /** Runs `work` once every earlier work of `key` has settled, whether it succeeded or failed. */
  async take<T>(key: string, work: () => Promise<T>): Promise<T> {
    const mine = (this.last.get(key) ?? Promise.resolve()).then(work);
    const settled = mine.catch(() => undefined);
    this.last.set(key, settled);
    try {
      return await mine;
    } finally {
      if (this.last.get(key) === settled) this.last.delete(key);
    }
  }

  /** Keys with work running or waiting, for tests. */
  get busy(): number {
    return this.last.size;
  }
}
