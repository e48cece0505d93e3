import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Registry } from 'prom-client';
import type { Logger } from './logger.js';

export interface HealthChecks {
  /** Ready for traffic: logged in, the store answers, not shutting down. */
  readonly ready: () => Promise<{ readonly ok: boolean; readonly reason?: string }>;
  readonly registry: Registry;
}

/**
 * `/livez` (the process answers), `/readyz` (200 when ready, 503 with the reason otherwise) and
 * `/metrics` (Prometheus text format), on HTTP_PORT. Nothing else, and only GET and HEAD.
 */
export class HealthServer {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #unref = false;

  private constructor(server: Server) {
    this.#server = server;
    server.on('connection', (socket) => {
      if (this.#unref) socket.unref();
      this.#sockets.add(socket);
      socket.once('close', () => this.#sockets.delete(socket));
    });
  }

  static async listen(
    port: number,
    host: string,
    checks: HealthChecks,
    logger: Logger,
  ): Promise<HealthServer> {
    const server = createServer((request, response) => {
      const path = (request.url ?? '/').split('?')[0];
      const send = (status: number, body: string, type = 'text/plain; charset=utf-8'): void => {
        response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        response.end(request.method === 'HEAD' ? undefined : body);
      };
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD');
        send(405, 'method not allowed\n');
        return;
      }
      const answer = async (): Promise<void> => {
        switch (path) {
          case '/livez':
            send(200, 'ok\n');
            return;
          case '/readyz': {
            const ready = await checks.ready();
            send(ready.ok ? 200 : 503, ready.ok ? 'ok\n' : `not ready: ${ready.reason ?? 'starting'}\n`);
            return;
          }
          case '/metrics':
            send(200, await checks.registry.metrics(), checks.registry.contentType);
            return;
          default:
            send(404, 'not found: try /livez, /readyz or /metrics\n');
        }
      };
      answer().catch((err: unknown) => {
        logger.error({ err, path }, 'health endpoint failed');
        if (!response.headersSent) send(500, 'error\n');
        else response.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    const { port: bound } = server.address() as AddressInfo;
    logger.info({ host, port: bound }, 'serving /livez, /readyz and /metrics');
    return new HealthServer(server);
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /**
   * Keeps answering, but no longer keeps the process alive (nor do its connections, a scraper's
   * kept-alive one included): from the moment the bot is told to stop, /readyz (503) and /livez answer
   * for as long as the process runs, whatever it still waits for, and it exits once nothing else holds it.
   */
  unref(): void {
    this.#unref = true;
    this.#server.unref();
    for (const socket of this.#sockets) socket.unref();
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }
}
