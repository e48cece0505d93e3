/**
 * How much longer `run` takes on 32 times the input, at its best of three runs: about 32 when its
 * time is linear (up to two or three times that with the garbage collector's work on large inputs,
 * or a busy machine), about 1,000 when quadratic.
 */
export function growth(run: (text: string) => unknown, input: (size: number) => string): number {
  const best = (size: number): number => {
    const text = input(size);
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 3; i++) {
      const start = performance.now();
      run(text);
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };
  // Compiled and warm before anything is timed.
  best(32_768);
  // At least a millisecond below, so that timer noise on a fast machine makes no ratio.
  return best(1_048_576) / Math.max(1, best(32_768));
}
