/** The two sizes compared: 64 times apart, so that linear and quadratic times are far apart too. */
const SMALL = 16_384;
const LARGE = 1_048_576;

/**
 * How many times more `run` takes per character on a megabyte than on 16 KB, at its best of five
 * runs: about 1 when its time is linear (a few times that with the garbage collector's work on the
 * large input, or a busy machine), about 64 when quadratic. Tests allow less than 8.
 */
export function growth(run: (text: string) => unknown, input: (size: number) => string): number {
  const best = (size: number): number => {
    const text = input(size);
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      run(text);
      fastest = Math.min(fastest, performance.now() - start);
    }
    return fastest;
  };
  // Compiled and warm before anything is timed.
  best(SMALL);
  // At least a millisecond below, so that timer noise on a fast machine makes no ratio.
  return best(LARGE) / Math.max(1, best(SMALL)) / (LARGE / SMALL);
}
