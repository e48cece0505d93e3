/**
 * How much longer `run` takes on eight times the input, at its best of three runs: about 8 when its
 * time is linear, 64 when quadratic.
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
  best(65_536);
  // At least a millisecond below, so that timer noise on a fast machine makes no ratio.
  return best(1_048_576) / Math.max(1, best(131_072));
}
