import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { PROJECT_ROOT, START_FLAGS } from './run-bot.js';

/**
 * Loaded into a detached bot (`node --import`): it stops the bot (SIGTERM, its usual way out) once
 * its parent is gone, as after a SIGKILL, which gives the parent no chance to stop it.
 */
const STOP_WITH_PARENT = `data:text/javascript,${encodeURIComponent(
  `const parent = process.ppid;
const timer = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(timer);
  process.kill(process.pid, 'SIGTERM');
}, 1000);
timer.unref();`,
)}`;

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** The bot running as `npm start` runs it (`node dist/src/index.js`), with its output collected. */
export class BotProcess {
  readonly logs: LogLine[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  /**
   * `args` default to the bot's entry point, with `npm start`'s options; the benchmark passes another
   * program. `detached` starts it in its own process group, out of reach of the signals a terminal
   * sends its foreground group (SIGHUP when closed, SIGINT on Ctrl-C): whoever started it stops it,
   * and should that one be killed without a chance to (SIGKILL), the bot stops itself soon after.
   */
  constructor(
    env: Record<string, string>,
    cwd = PROJECT_ROOT,
    args = [...START_FLAGS, `${PROJECT_ROOT}dist/src/index.js`],
    { detached = false }: { detached?: boolean } = {},
  ) {
    this.child = spawn(process.execPath, detached ? ['--import', STOP_WITH_PARENT, ...args] : args, {
      cwd,
      env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
      detached,
    });
    let buffered = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        try {
          this.logs.push(JSON.parse(line) as LogLine);
        } catch {
          this.logs.push({ level: 30, msg: line });
        }
      }
    });
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = once(this.child, 'exit').then(([code]) => code as number | null);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Waits for a log line whose message matches, among the lines from the `from`th on. */
  async waitForLog(pattern: RegExp, timeoutMs = 20_000, from = 0): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const line = this.logs.slice(from).find((l) => pattern.test(l.msg));
      if (line !== undefined) return line;
      if (this.child.exitCode !== null)
        throw new Error(`bot exited (${this.child.exitCode}) before logging ${pattern}:\n${this.stderr}`);
      if (Date.now() > deadline)
        throw new Error(
          `bot did not log ${pattern} in ${timeoutMs} ms:\n${this.logs.map((l) => l.msg).join('\n')}\n${this.stderr}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** Sends a signal (SIGHUP reloads the content). */
  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** SIGTERM, then the exit code. */
  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }

  async kill(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    await this.exited;
  }
}
