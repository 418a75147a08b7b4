// Shared plumbing for the loopback stand-ins: read a request body (JSON, form or multipart).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:net';

export interface UploadedFile {
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface ParsedBody {
  raw: Buffer;
  /** JSON body, Discord's multipart `payload_json`, or a form's fields as an object. */
  json: any;
  files: UploadedFile[];
}

export async function readRaw(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const raw = await readRaw(req);
  const ct = String(req.headers['content-type'] ?? '');
  if (ct.startsWith('multipart/form-data')) {
    // undici's Request parses multipart for us: no hand-written boundary parsing.
    const form = await new Request('http://standin.local/', { method: 'POST', headers: { 'content-type': ct }, body: raw }).formData();
    const files: UploadedFile[] = [];
    const fields: Record<string, string> = {};
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') fields[field] = value;
      else files.push({ field, filename: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
    }
    const json = fields.payload_json ? JSON.parse(fields.payload_json) : fields;
    return { raw, json, files };
  }
  if (ct.startsWith('application/x-www-form-urlencoded')) {
    return { raw, json: Object.fromEntries(new URLSearchParams(raw.toString('utf8'))), files: [] };
  }
  if (raw.length === 0) return { raw, json: undefined, files: [] };
  try {
    return { raw, json: JSON.parse(raw.toString('utf8')), files: [] };
  } catch {
    return { raw, json: undefined, files: [] };
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/** Resolves when `check` returns a value (not undefined), polling every few ms. */
export async function waitUntil<T>(check: () => T | undefined, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = check();
    if (v !== undefined) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`stand-in: timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let counter = 0;
/** Snowflake-looking unique ids. */
export function nextId(): string {
  counter += 1;
  return (BigInt(Date.now() - 1420070400000) * 4194304n + BigInt(counter)).toString();
}

/** A loopback port nobody listens on (for a child process to bind). */
export async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}
