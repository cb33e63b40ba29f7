import { Turns } from './turns';

/** Work that records when it starts and ends, and ends when told. */
function step(name: string, trace: string[]) {
  let finish!: (fail?: boolean) => void;
  const done = new Promise<void>((resolve, reject) => (finish = (fail) => (fail ? reject(new Error(`${name} failed`)) : resolve())));
  const work = async () => {
    trace.push(`${name} starts`);
    try {
      await done;
    } finally {
      trace.push(`${name} ends`);
    }
    return name;
  };
  return { work, finish };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Turns', () => {
  it('starts work of a key only once the work before it of that key has ended', async () => {
    const turns = new Turns();
    const trace: string[] = [];
    const [a, b] = [step('a', trace), step('b', trace)];
    const results = [turns.take('partition-0', a.work), turns.take('partition-0', b.work)];
    await settle();
    expect(trace).toEqual(['a starts']);
    a.finish();
    b.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b']);
    expect(trace).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });

  it('lets work of different keys overlap', async () => {
    const turns = new Turns();
    const trace: string[] = [];
    const [a, b] = [step('a', trace), step('b', trace)];
    const results = [turns.take('partition-0', a.work), turns.take('partition-1', b.work)];
    await settle();
    expect(trace).toEqual(['a starts', 'b starts']);
    a.finish();
    b.finish();
    await Promise.all(results);
  });

  it('gives the turn on after a failure, whose error goes to its own caller only', async () => {
    const turns = new Turns();
    const trace: string[] = [];
    const [a, b] = [step('a', trace), step('b', trace)];
    const results = [turns.take('partition-0', a.work), turns.take('partition-0', b.work)];
    a.finish(true);
    b.finish();
    await expect(results[0]).rejects.toThrow('a failed');
    await expect(results[1]).resolves.toBe('b');
  });

  it('forgets a key once its work is done', async () => {
    const turns = new Turns();
    await Promise.all([turns.take('partition-0', async () => 1), turns.take('partition-0', async () => 2), turns.take('partition-1', async () => 3)]);
    expect(turns.busy).toBe(0);
  });
});
