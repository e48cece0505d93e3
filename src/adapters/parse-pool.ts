import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { parseArticle, type ArticleSource, type ParseResult } from '../core/parse-article.js';

/** Fewer files are parsed here: a worker thread takes longer to start than they take to parse. */
const MIN_FOR_WORKERS = 200;
/** Files per task: enough to make the messages' cost small, few enough to share the work evenly. */
const BATCH = 50;
/** Parsing one file (at most 1 MB, its nesting bounded) needs far less. */
const WORKER_HEAP_MB = 512;

// Run from TypeScript (the tests), a worker needs tsx to load the worker's source.
const fromSource = import.meta.url.endsWith('.ts');
const WORKER = new URL(fromSource ? './parse-worker.ts' : './parse-worker.js', import.meta.url).href;

/**
 * Parses many files on every core, in worker threads that end when done: the garbage of parsing (a
 * Markdown tree per file) dies with them instead of growing this process's heap. The results come
 * back in the order of `sources`. Few files, or one core, are parsed here.
 */
export async function parseMany(sources: readonly ArticleSource[]): Promise<ParseResult[]> {
  const threads = Math.min(availableParallelism(), Math.ceil(sources.length / BATCH));
  if (sources.length < MIN_FOR_WORKERS || threads < 2) return sources.map((source) => parseArticle(source));
  const pool = new Piscina<readonly ArticleSource[], ParseResult[]>({
    filename: WORKER,
    minThreads: threads,
    maxThreads: threads,
    execArgv: fromSource ? ['--import', 'tsx'] : [],
    // A file that would exhaust a worker's memory ends that worker, not the bot.
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
  });
  try {
    const batches: Promise<ParseResult[]>[] = [];
    for (let start = 0; start < sources.length; start += BATCH) {
      const batch = sources.slice(start, start + BATCH);
      batches.push(pool.run(batch).catch(() => parseAlone(pool, batch)));
    }
    return (await Promise.all(batches)).flat();
  } finally {
    await pool.destroy();
  }
}

/**
 * A batch whose worker failed (one file exhausted its memory, say) is parsed again one file per
 * task, so that only the file at fault is reported, by name.
 */
function parseAlone(
  pool: Piscina<readonly ArticleSource[], ParseResult[]>,
  batch: readonly ArticleSource[],
): Promise<ParseResult[]> {
  return Promise.all(
    batch.map((source) =>
      pool.run([source]).then(
        ([result]) => result ?? failed(source, 'no result'),
        (error: unknown) => failed(source, error instanceof Error ? error.message : String(error)),
      ),
    ),
  );
}

function failed(source: ArticleSource, reason: string): ParseResult {
  return {
    ok: false,
    problems: [{ file: source.file, message: `the article could not be read: ${reason}` }],
  };
}
