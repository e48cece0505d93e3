import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1 (free when asked: the server is started on it right after). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A real redis-server (Debian's package; `.ci/run` installs it) on a free port of 127.0.0.1, with
 * its data in a folder of its own, written to its append-only file at every write: a restart keeps
 * everything, as a production Redis set up as the README says does.
 */
export class RedisServer {
  #process: ChildProcess | undefined;

  private constructor(
    readonly port: number,
    readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`;
  }

  static async start(): Promise<RedisServer> {
    const found = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
    if (found.error !== undefined)
      throw new Error('redis-server is not installed: `apt-get install redis-server` (see the README)');
    for (let attempt = 0; ; attempt++) {
      const server = new RedisServer(await freePort(), mkdtempSync(join(tmpdir(), 'redis-')));
      try {
        await server.run();
        return server;
      } catch (err) {
        rmSync(server.dir, { recursive: true, force: true });
        // The port was taken between the look and the start: another one.
        if (attempt >= 3) throw err;
      }
    }
  }

  /** Stops the server (its data stays on disk) and starts it again on the same port. */
  async restart(): Promise<void> {
    await this.halt();
    await this.run();
  }

  async stop(): Promise<void> {
    await this.halt();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** Starts it (again), resolving once it accepts connections. */
  run(): Promise<void> {
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.#process = child;
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          child.stdout.off('data', onData);
          child.stdout.resume();
          resolve();
        }
      };
      child.stdout.on('data', onData);
      child.stderr.resume();
      child.once('exit', (code) =>
        reject(new Error(`redis-server exited (${String(code)}): ${output.slice(-500)}`)),
      );
    });
  }

  /** Stops it, its data kept: {@link run} starts it again. */
  async halt(): Promise<void> {
    const child = this.#process;
    this.#process = undefined;
    if (child === undefined || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
