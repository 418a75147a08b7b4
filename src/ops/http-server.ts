// The one HTTP server of a replica, on PORT: Discord interactions, Slack events, health and
// metrics share it. A small route map (exact paths), JSON errors for 404/405/413, bodies read
// with a size limit, and a graceful close that stops accepting and lets in-flight requests end.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { log } from '../core/log.ts';

export type Method = 'GET' | 'POST' | 'HEAD';

/** `body` is the whole request body, already read (within the limit); `streamed` routes read it themselves. */
export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void | Promise<void>;

export interface Route {
  method: Method;
  path: string;
  handler: RouteHandler;
  /** The handler reads the request stream itself (Bolt's receiver); the limit is then checked on Content-Length. */
  streamed?: boolean;
}

export interface HttpServerOptions {
  /** Largest request body accepted, in bytes (Discord and Slack send a few kB). */
  maxBodyBytes?: number;
}

export const DEFAULT_MAX_BODY = 1 << 20;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

class TooLarge extends Error {}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > max) throw new TooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > max) throw new TooLarge();
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export class HttpServer {
  readonly server: Server;
  private readonly routes = new Map<string, Map<Method, Route>>();
  private readonly maxBody: number;
  private closing = false;

  constructor(opts: HttpServerOptions = {}) {
    this.maxBody = opts.maxBodyBytes ?? DEFAULT_MAX_BODY;
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  route(method: Method, path: string, handler: RouteHandler, opts: { streamed?: boolean } = {}): this {
    let byMethod = this.routes.get(path);
    if (!byMethod) this.routes.set(path, (byMethod = new Map()));
    byMethod.set(method, { method, path, handler, streamed: opts.streamed });
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A keep-alive socket that finishes a request during close() must not linger until its timeout.
    res.once('finish', () => {
      if (this.closing) setImmediate(() => this.server.closeIdleConnections());
    });
    try {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      const byMethod = this.routes.get(path);
      if (!byMethod) return sendJson(res, 404, { error: 'not found' });
      const method = (req.method ?? 'GET') as Method;
      const route = byMethod.get(method) ?? (method === 'HEAD' ? byMethod.get('GET') : undefined);
      if (!route) return sendJson(res, 405, { error: 'method not allowed' }, { allow: [...byMethod.keys()].join(', ') });
      if (this.closing) return sendJson(res, 503, { error: 'shutting down' }, { connection: 'close' });
      if (route.streamed) {
        if (Number(req.headers['content-length'] ?? 0) > this.maxBody) return sendJson(res, 413, { error: 'request body too large' }, { connection: 'close' });
        await route.handler(req, res, Buffer.alloc(0));
        return;
      }
      const body = await readBody(req, this.maxBody);
      await route.handler(req, res, body);
    } catch (err) {
      if (err instanceof TooLarge) return sendJson(res, 413, { error: 'request body too large' }, { connection: 'close' });
      log.error({ err, url: req.url?.slice(0, 200) }, 'http handler failed');
      sendJson(res, 500, { error: 'internal error' });
    }
  }

  async listen(port: number, host?: string): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    return (this.server.address() as AddressInfo).port;
  }

  /** Stop accepting; idle keep-alive sockets close now, requests in flight get `graceMs` to finish. */
  async close(graceMs = 10_000): Promise<void> {
    if (!this.server.listening) return;
    this.closing = true;
    const closed = new Promise<void>((r) => this.server.close(() => r()));
    this.server.closeIdleConnections();
    const timer = setTimeout(() => this.server.closeAllConnections(), graceMs);
    await closed;
    clearTimeout(timer);
  }
}
