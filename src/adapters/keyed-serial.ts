/**
 * Runs tasks one at a time per key, in the order they were given; different keys run side by side.
 * A failed task does not stop the ones queued after it.
 */
export function keyedSerial() {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const run = (tails.get(key) ?? Promise.resolve()).then(task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    // Forget idle keys, so that the map holds only keys with work queued.
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
