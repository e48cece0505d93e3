import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ContentProblem } from '../core/article.js';
import type { FileBytes, FileToRead, ReadParsed, StoredForm } from './parse-file.js';

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

type Pool = Piscina<unknown, unknown>;

/**
 * Parses many files on several cores, in worker threads: the garbage of parsing (a Markdown tree per
 * file) stays in their heaps instead of growing this process's, and is gone when they end. The
 * workers start with the first call that has enough files, and serve the calls after it until
 * close(). Few files, or one core, are parsed here; so are all of them when no worker could parse
 * anything (threads refused by the system, say).
 */
export class ParsePool {
  #pool: Pool | undefined;
  readonly #cores: number;

  /** `cores`: the cores to use at most (the machine's by default; tests give theirs). */
  constructor(cores = availableParallelism()) {
    this.#cores = cores;
  }

  /** The results, in the order of `sources`. */
  async parse(sources: readonly FileBytes[]): Promise<Parsed[]> {
    if (sources.length === 0) return [];
    // The parser is loaded here only when files are parsed here: a restart that finds every file
    // in the content store never loads it in the bot's own thread (tens of MB saved).
    const here = async (): Promise<Parsed[]> => {
      const { parseFile } = await import('./parse-bytes.js');
      return sources.map((source) => ({ form: parseFile(source), lasting: true }));
    };
    const pool = this.#workers(sources.length);
    const results = pool === undefined ? undefined : await runAll<StoredForm>(pool, sources, 'default');
    if (results === undefined) return here();
    return results.map((form, i) =>
      form instanceof WorkerFailure ? failed(sources[i]?.file ?? '', form.reason) : { form, lasting: true },
    );
  }

  /**
   * Files read and parsed by the workers, in the order of `files`; or nothing, when they are not
   * worth the workers (see {@link parse}) or no worker could do anything: then read them here.
   * What a failed worker could not say of a file is a problem without a key, so never stored.
   */
  async readAndParse(files: readonly FileToRead[]): Promise<ReadParsed[] | undefined> {
    const pool = this.#workers(files.length);
    if (pool === undefined) return undefined;
    const results = await runAll<ReadParsed>(pool, files, 'readAndParse');
    return results?.map((outcome, i) =>
      outcome instanceof WorkerFailure ? unread(files[i]?.file ?? '', outcome.reason) : outcome,
    );
  }

  /** The workers, started for `count` files if they are worth it and not started yet. */
  #workers(count: number): Pool | undefined {
    const threads = Math.min(this.#cores, MAX_THREADS, Math.ceil(count / BATCH));
    if (this.#pool === undefined && (count < MIN_FOR_WORKERS || threads < 2)) return undefined;
    return (this.#pool ??= new Piscina({
      filename: WORKER,
      minThreads: threads,
      maxThreads: threads,
      execArgv: fromSource ? ['--import', 'tsx'] : [],
      // A file that would exhaust a worker's memory ends that worker, not the bot.
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    }));
  }

  /** Ends the workers, if any started. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }
}

/** What a worker could not do with an item: why. */
class WorkerFailure {
  constructor(readonly reason: string) {}
}

/**
 * `items` run by the workers' task `name` in batches, the results in their order. A batch whose
 * worker failed (one file exhausted its memory, say) is run again one item per task, so that only
 * the item at fault fails. Nothing when no batch could run at all (threads refused, say).
 */
async function runAll<R>(
  pool: Pool,
  items: readonly unknown[],
  name: string,
): Promise<(R | WorkerFailure)[] | undefined> {
  const batches: Promise<R[] | undefined>[] = [];
  for (let start = 0; start < items.length; start += BATCH) {
    batches.push(run<R>(pool, items.slice(start, start + BATCH), name).catch(() => undefined));
  }
  const ran = await Promise.all(batches);
  if (ran.every((batch) => batch === undefined)) return undefined;
  const alone = (item: unknown): Promise<R | WorkerFailure> =>
    run<R>(pool, [item], name).then(
      ([result]) => result ?? new WorkerFailure('no result'),
      (error: unknown) => new WorkerFailure(reasonOf(error)),
    );
  return (
    await Promise.all(
      ran.map(async (batch, i) => batch ?? Promise.all(items.slice(i * BATCH, (i + 1) * BATCH).map(alone))),
    )
  ).flat();
}

function run<R>(pool: Pool, batch: readonly unknown[], name: string): Promise<R[]> {
  return pool.run(batch, { name, signal: AbortSignal.timeout(TASK_TIMEOUT_MS) }) as Promise<R[]>;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A file a worker failed on, read there: a problem without a key, so never stored. */
function unread(file: string, reason: string): ReadParsed {
  return { kind: 'problems', problems: couldNotRead(file, reason) };
}

function couldNotRead(file: string, reason: string): ContentProblem[] {
  return [{ file, message: `the article could not be read: ${reason}` }];
}

/** A file a worker failed on: not the file's fault, so tried again at the next start. */
function failed(file: string, reason: string): Parsed {
  return { form: { ok: false, problems: couldNotRead(file, reason) }, lasting: false };
}
