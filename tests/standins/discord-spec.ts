// Request bodies checked against Discord's official API v10 spec (discord/discord-api-spec, published
// on npm as `discord-api-spec`; the package ships the spec's request schemas as zod, not the raw
// openapi.json) plus the documented limits the schema does not encode. Invalid bodies get Discord's
// own error shape: 400 {code: 50035, message: "Invalid Form Body", errors: {field: {_errors: […]}}}.
import * as spec from 'discord-api-spec/zod';

export interface FieldError {
  code: string;
  message: string;
}

/** Discord's nested error tree: path segments as keys, `_errors` at the leaves. */
export interface ErrorTree {
  _errors?: FieldError[];
  [key: string]: ErrorTree | FieldError[] | undefined;
}

export interface InvalidFormBody {
  code: 50035;
  message: 'Invalid Form Body';
  errors: ErrorTree;
}

interface Issue {
  path: (string | number)[];
  code: string;
  message: string;
}

interface Schema {
  safeParse(v: unknown): { success: true } | { success: false; error: { issues: { path: PropertyKey[]; code: string; message: string }[] } };
}

/** Documented limits (docs: Message Resource, Embed Limits, Component Reference). */
export const DISCORD_LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  rows: 5,
  perRow: 5,
  customId: 100,
  label: 80,
} as const;

const CALLBACK: Record<number, Schema> = {
  1: spec.PongInteractionCallbackRequestSchema,
  4: spec.CreateMessageInteractionCallbackRequestSchema,
  5: spec.CreateMessageInteractionCallbackRequestSchema,
  6: spec.UpdateMessageInteractionCallbackRequestSchema,
  7: spec.UpdateMessageInteractionCallbackRequestSchema,
  8: spec.ApplicationCommandAutocompleteCallbackRequestSchema,
  9: spec.ModalInteractionCallbackRequestSchema,
};

const COMMANDS: Schema = {
  safeParse(v: unknown) {
    if (!Array.isArray(v)) return { success: false, error: { issues: [{ path: [], code: 'invalid_type', message: 'expected an array of commands' }] } };
    const issues = v.flatMap((c, i) => {
      const r = spec.ApplicationCommandUpdateRequestSchema.safeParse(c);
      return r.success ? [] : r.error.issues.map((x) => ({ ...x, path: [i, ...x.path] }));
    });
    return issues.length ? { success: false, error: { issues } } : { success: true };
  },
};

/** The schema for a request, or undefined when the route has no body we check. */
function schemaFor(method: string, path: string, body: any): Schema | undefined {
  if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(path)) return CALLBACK[body?.type];
  if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(path)) return spec.IncomingWebhookRequestPartialSchema;
  if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/[^/]+$/.test(path)) return spec.IncomingWebhookUpdateRequestPartialSchema;
  if (method === 'POST' && /^\/channels\/\d+\/messages$/.test(path)) return spec.MessageCreateRequestSchema;
  if (method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(path)) return spec.MessageEditRequestPartialSchema;
  if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(path)) return COMMANDS;
  return undefined;
}

/** The message object inside a body (callbacks carry it in `data`). */
function messageOf(path: string, body: any): { msg: any; prefix: (string | number)[] } | undefined {
  if (path.endsWith('/callback')) return [4, 7].includes(body?.type) && body.data ? { msg: body.data, prefix: ['data'] } : undefined;
  if (/^\/(webhooks|channels)\//.test(path) && body && typeof body === 'object') return { msg: body, prefix: [] };
  return undefined;
}

const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);

/** Limits Discord enforces that the spec leaves out (or states more loosely, like content 4000). */
export function limitIssues(msg: any): Issue[] {
  const L = DISCORD_LIMITS;
  const out: Issue[] = [];
  const tooLong = (path: Issue['path'], max: number) => out.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  if (len(msg.content) > L.content) tooLong(['content'], L.content);
  const embeds: any[] = Array.isArray(msg.embeds) ? msg.embeds : [];
  if (embeds.length > L.embeds) tooLong(['embeds'], L.embeds);
  let total = 0;
  embeds.forEach((e, i) => {
    if (len(e.title) > L.title) tooLong(['embeds', i, 'title'], L.title);
    if (len(e.description) > L.description) tooLong(['embeds', i, 'description'], L.description);
    const fields: any[] = Array.isArray(e.fields) ? e.fields : [];
    if (fields.length > L.fields) tooLong(['embeds', i, 'fields'], L.fields);
    fields.forEach((f, j) => {
      if (len(f.name) > L.fieldName) tooLong(['embeds', i, 'fields', j, 'name'], L.fieldName);
      if (len(f.value) > L.fieldValue) tooLong(['embeds', i, 'fields', j, 'value'], L.fieldValue);
    });
    total += len(e.title) + len(e.description) + len(e.footer?.text) + len(e.author?.name) + fields.reduce((n, f) => n + len(f.name) + len(f.value), 0);
  });
  if (total > L.embedTotal) out.push({ path: ['embeds'], code: 'MESSAGE_EMBEDS_TOO_LARGE', message: `Embed size exceeds maximum size of ${L.embedTotal}` });
  const rows: any[] = Array.isArray(msg.components) ? msg.components : [];
  if (rows.length > L.rows) tooLong(['components'], L.rows);
  rows.forEach((r, i) => {
    const items: any[] = Array.isArray(r?.components) ? r.components : [];
    if (items.length > L.perRow) tooLong(['components', i, 'components'], L.perRow);
    items.forEach((b, j) => {
      if (len(b.custom_id) > L.customId) tooLong(['components', i, 'components', j, 'custom_id'], L.customId);
      if (len(b.label) > L.label) tooLong(['components', i, 'components', j, 'label'], L.label);
    });
  });
  return out;
}

const CODE: Record<string, string> = {
  too_big: 'BASE_TYPE_MAX_LENGTH',
  too_small: 'BASE_TYPE_MIN_LENGTH',
  invalid_type: 'BASE_TYPE_BAD_TYPE',
  invalid_value: 'BASE_TYPE_CHOICES',
  invalid_format: 'STRING_TYPE_REGEX',
  invalid_union: 'UNION_TYPE_CHOICES',
};

function tree(issues: readonly Issue[]): ErrorTree {
  const root: ErrorTree = {};
  for (const issue of issues) {
    let node = root;
    for (const seg of issue.path) node = (node[String(seg)] ??= {}) as ErrorTree;
    (node._errors ??= []).push({ code: CODE[issue.code] ?? issue.code, message: issue.message });
  }
  return root;
}

/** Undefined when the body is valid (or not checked); otherwise Discord's 400 body. */
export function validateDiscordBody(method: string, path: string, body: unknown): InvalidFormBody | undefined {
  const issues: Issue[] = [];
  if (path.endsWith('/callback') && method === 'POST' && !CALLBACK[(body as any)?.type]) {
    issues.push({ path: ['type'], code: 'BASE_TYPE_CHOICES', message: `Value must be one of ${Object.keys(CALLBACK).join(', ')}.` });
  }
  const schema = schemaFor(method, path, body);
  const r = schema?.safeParse(body);
  if (r && !r.success) issues.push(...r.error.issues.map((x) => ({ path: x.path.map((p) => (typeof p === 'number' ? p : String(p))), code: x.code, message: x.message })));
  const m = messageOf(path, body);
  if (m) issues.push(...limitIssues(m.msg).map((x) => ({ ...x, path: [...m.prefix, ...x.path] })));
  return issues.length ? { code: 50035, message: 'Invalid Form Body', errors: tree(issues) } : undefined;
}
