/** The two sizes compared: 64 times apart, so that linear and quadratic times are far apart too. */
const SMALL = 16_384;
const LARGE = 1_048_576;

/** Milliseconds of CPU this process has used: unlike the clock's, they do not count while other processes have the cores. */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * The most {@link growth} a linear `run` gives: a quadratic one gives about 64. The garbage
 * collector's threads count in the process's CPU time, and their work on a megabyte's live data grows
 * on a machine whose cores other work keeps busy: 8.3 was seen for a linear TOML read with two busy
 * loops on two cores, with no change to the code. Four times below quadratic still tells them apart.
 */
export const LINEAR = 16;

/**
 * How many times more CPU `run` takes per character on a megabyte than on 16 KB, at its best of
 * five runs: about 1 when its time is linear (a few times that with the garbage collector's work on
 * the large input), about 64 when quadratic. Tests allow less than {@link LINEAR}. CPU time, not the
 * clock's: on a machine busy with other work, the clock's time of the large input grew past 8 with
 * no change.
 */
export function growth(run: (text: string) => unknown, input: (size: number) => string): number {
  const best = (size: number): number => {
    const text = input(size);
    let fastest = Number.POSITIVE_INFINITY;
    for (let i = 0; i < 5; i++) {
      const start = cpuMs();
      run(text);
      fastest = Math.min(fastest, cpuMs() - start);
    }
    return fastest;
  };
  // Compiled and warm before anything is timed.
  best(SMALL);
  // At least a millisecond below, so that timer noise on a fast machine makes no ratio.
  return best(LARGE) / Math.max(1, best(SMALL)) / (LARGE / SMALL);
}
