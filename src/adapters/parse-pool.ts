import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { FileBytes, StoredForm } from './parse-file.js';

/** Fewer files are parsed here: a worker thread takes longer to start than they take to parse. */
const MIN_FOR_WORKERS = 200;
/** Files per task: enough to make the messages' cost small, few enough to share the work evenly. */
const BATCH = 50;
/**
 * At most this many workers, whatever the machine reports: each loads the parser (tens of MB), and
 * in a container the host's core count can be far above the share the bot has.
 */
const MAX_THREADS = 4;
/** Parsing one file (at most 1 MB, its nesting bounded) needs far less. */
const WORKER_HEAP_MB = 512;
/** A batch parses in well under a second; one still running after this is stopped, its files reported. */
const TASK_TIMEOUT_MS = 60_000;

// Run from TypeScript (the tests), a worker needs tsx to load the worker's source.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER = new URL(fromSource ? './parse-worker.ts' : './parse-worker.js', import.meta.url).href;

/** A parse result, and whether it says something about the file (and may be remembered). */
export interface Parsed {
  readonly form: StoredForm;
  /** False when the worker failed rather than the file: the next start tries it again. */
  readonly lasting: boolean;
}

type Pool = Piscina<readonly FileBytes[], StoredForm[]>;

/**
 * Parses many files on several cores, in worker threads: the garbage of parsing (a Markdown tree per
 * file) stays in their heaps instead of growing this process's, and is gone when they end. The
 * workers start with the first call that has enough files, and serve the calls after it until
 * close(). Few files, or one core, are parsed here; so are all of them when no worker could parse
 * anything (threads refused by the system, say).
 */
export class ParsePool {
  #pool: Pool | undefined;

  /** The results, in the order of `sources`. */
  async parse(sources: readonly FileBytes[]): Promise<Parsed[]> {
    if (sources.length === 0) return [];
    // The parser is loaded here only when files are parsed here: a restart that finds every file
    // in the content store never loads it in the bot's own thread (tens of MB saved).
    const here = async (): Promise<Parsed[]> => {
      const { parseFile } = await import('./parse-bytes.js');
      return sources.map((source) => ({ form: parseFile(source), lasting: true }));
    };
    const threads = Math.min(availableParallelism(), MAX_THREADS, Math.ceil(sources.length / BATCH));
    if (this.#pool === undefined && (sources.length < MIN_FOR_WORKERS || threads < 2)) return here();
    const pool = (this.#pool ??= new Piscina({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      // A file that would exhaust a worker's memory ends that worker, not the bot.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    }));
    const batches: Promise<Parsed[] | undefined>[] = [];
    for (let start = 0; start < sources.length; start += BATCH) {
      const batch = sources.slice(start, start + BATCH);
      batches.push(
        run(pool, batch).then(
          (forms) => forms.map((form) => ({ form, lasting: true })),
          () => undefined,
        ),
      );
    }
    const parsed = await Promise.all(batches);
    if (parsed.every((batch) => batch === undefined)) return here();
    return (
      await Promise.all(
        parsed.map(async (batch, i) => batch ?? parseAlone(pool, sources.slice(i * BATCH, (i + 1) * BATCH))),
      )
    ).flat();
  }

  /** Ends the workers, if any started. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }
}

function run(pool: Pool, batch: readonly FileBytes[]): Promise<StoredForm[]> {
  return pool.run(batch, { signal: AbortSignal.timeout(TASK_TIMEOUT_MS) });
}

/**
 * A batch whose worker failed (one file exhausted its memory, say) is parsed again one file per
 * task, so that only the file at fault is reported, by name.
 */
function parseAlone(pool: Pool, batch: readonly FileBytes[]): Promise<Parsed[]> {
  return Promise.all(
    batch.map((source) =>
      run(pool, [source]).then(
        ([form]): Parsed => (form === undefined ? failed(source, 'no result') : { form, lasting: true }),
        (error: unknown) => failed(source, error instanceof Error ? error.message : String(error)),
      ),
    ),
  );
}

function failed(source: FileBytes, reason: string): Parsed {
  return {
    form: {
      ok: false,
      problems: [{ file: source.file, message: `the article could not be read: ${reason}` }],
    },
    lasting: false,
  };
}
