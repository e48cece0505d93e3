/**
 * `make`, its result for each key kept once made: for a pure function asked the same few things again
 * and again (an answer's addresses). At most `max` are kept; past that, all are dropped at once, as
 * what is asked is mostly the same few and is made again.
 */
export function kept<K, V>(make: (key: K) => V, max: number): (key: K) => V {
  const made = new Map<K, V>();
  return (key) => {
    if (made.has(key)) return made.get(key) as V;
    if (made.size >= max) made.clear();
    const value = make(key);
    made.set(key, value);
    return value;
  };
}
