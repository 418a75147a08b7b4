// What Slack refuses, as the stand-in checks it: Block Kit's documented limits (docs: Block Kit →
// Blocks, Block elements, Composition objects), message text size, and the app manifest's rules
// (slackapi/manifest-schema). Each function returns the problems found; empty means accepted.

export const BLOCK_LIMITS = {
  messageBlocks: 50,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  headerText: 150,
  buttonText: 75,
  actionId: 255,
  blockId: 255,
  buttonValue: 2000,
  actionsElements: 25,
  imageAltText: 2000,
  contextElements: 10,
} as const;

/** chat.postMessage's text: longer is refused with msg_too_long (docs: chat.postMessage → Truncating content). */
export const MESSAGE_TEXT_MAX = 40_000;

const BLOCK_TYPES = new Set(['section', 'actions', 'context', 'divider', 'header', 'image', 'rich_text', 'markdown', 'file', 'video', 'input']);

const len = (s: unknown) => (typeof s === 'string' ? s.length : 0);

function textObject(t: any, where: string, max: number, out: string[], plainOnly = false): void {
  if (!t || typeof t !== 'object' || typeof t.text !== 'string') return void out.push(`${where}: a text object is required`);
  if (t.type !== 'plain_text' && (plainOnly || t.type !== 'mrkdwn')) out.push(`${where}: type must be ${plainOnly ? 'plain_text' : 'plain_text or mrkdwn'}`);
  if (t.text.length === 0) out.push(`${where}: must not be empty`);
  if (t.text.length > max) out.push(`${where}: must be at most ${max} characters`);
}

export function blockKitErrors(blocks: unknown): string[] {
  const L = BLOCK_LIMITS;
  const out: string[] = [];
  if (!Array.isArray(blocks)) return ['blocks must be an array'];
  if (blocks.length > L.messageBlocks) out.push(`no more than ${L.messageBlocks} items allowed [json-pointer:/blocks]`);
  const actionIds = new Set<string>();
  blocks.forEach((b: any, i) => {
    const at = `/blocks/${i}`;
    if (!b || !BLOCK_TYPES.has(b.type)) return void out.push(`${at}: unknown block type ${JSON.stringify(b?.type)}`);
    if (len(b.block_id) > L.blockId) out.push(`${at}/block_id: must be at most ${L.blockId} characters`);
    if (b.type === 'section') {
      if (!b.text && !b.fields?.length) out.push(`${at}: must define either text or fields`);
      if (b.text) textObject(b.text, `${at}/text`, L.sectionText, out);
      if ((b.fields ?? []).length > L.sectionFields) out.push(`${at}/fields: no more than ${L.sectionFields} items allowed`);
      (b.fields ?? []).forEach((f: any, j: number) => textObject(f, `${at}/fields/${j}`, L.fieldText, out));
    }
    if (b.type === 'header') textObject(b.text, `${at}/text`, L.headerText, out, true);
    if (b.type === 'image' && len(b.alt_text) > L.imageAltText) out.push(`${at}/alt_text: must be at most ${L.imageAltText} characters`);
    if (b.type === 'context') {
      const els: any[] = Array.isArray(b.elements) ? b.elements : [];
      if (els.length === 0 || els.length > L.contextElements) out.push(`${at}/elements: between 1 and ${L.contextElements} items`);
      els.forEach((e, j) => {
        if (e?.type === 'image') {
          if (len(e.alt_text) > L.imageAltText) out.push(`${at}/elements/${j}/alt_text: must be at most ${L.imageAltText} characters`);
        } else textObject(e, `${at}/elements/${j}`, L.sectionText, out);
      });
    }
    if (b.type === 'actions') {
      const els: any[] = Array.isArray(b.elements) ? b.elements : [];
      if (els.length === 0 || els.length > L.actionsElements) out.push(`${at}/elements: between 1 and ${L.actionsElements} items`);
      els.forEach((e, j) => {
        const ep = `${at}/elements/${j}`;
        if (e?.type === 'button') {
          textObject(e.text, `${ep}/text`, L.buttonText, out, true);
          if (len(e.value) > L.buttonValue) out.push(`${ep}/value: must be at most ${L.buttonValue} characters`);
        }
        if (len(e?.action_id) > L.actionId) out.push(`${ep}/action_id: must be at most ${L.actionId} characters`);
        if (typeof e?.action_id === 'string') {
          if (actionIds.has(e.action_id)) out.push(`${ep}/action_id: duplicate action_id ${e.action_id}`);
          actionIds.add(e.action_id);
        }
      });
    }
  });
  return out;
}

/** The error code Slack answers for a message body (chat.* or response_url), or undefined. */
export function messageError(body: any): { error: string; errors?: string[] } | undefined {
  const text = body?.text;
  if (len(text) > MESSAGE_TEXT_MAX) return { error: 'msg_too_long' };
  if (body?.blocks !== undefined) {
    const errors = blockKitErrors(body.blocks);
    if (errors.length) return { error: 'invalid_blocks', errors };
  }
  if (!len(text) && !(Array.isArray(body?.blocks) && body.blocks.length) && !body?.delete_original) return { error: 'no_text' };
  return undefined;
}

/** The manifest schema's rules for what the bot generates. */
export function manifestErrors(m: any): string[] {
  const out: string[] = [];
  const name = m?.display_information?.name;
  if (typeof name !== 'string' || name.length < 1 || name.length > 35) out.push('/display_information/name: 1 to 35 characters');
  if (len(m?.display_information?.description) > 140) out.push('/display_information/description: at most 140 characters');
  const bg = m?.display_information?.background_color;
  if (bg !== undefined && !/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(bg)) out.push('/display_information/background_color: a hex colour');
  const bot = m?.features?.bot_user?.display_name;
  if (typeof bot !== 'string' || bot.length < 1 || bot.length > 80 || !/^[a-z0-9._-]+$/.test(bot)) out.push('/features/bot_user/display_name: 1 to 80 of a-z 0-9 . _ -');
  const cmds: any[] = m?.features?.slash_commands ?? [];
  if (cmds.length > 50) out.push('/features/slash_commands: at most 50');
  const seen = new Set<string>();
  cmds.forEach((c, i) => {
    const at = `/features/slash_commands/${i}`;
    if (typeof c.command !== 'string' || !/^\/[a-z0-9_-]+$/.test(c.command) || c.command.length > 32) out.push(`${at}/command: a slash and lower-case letters, digits, - or _, at most 32 characters in all`);
    if (seen.has(c.command)) out.push(`${at}/command: duplicate ${c.command}`);
    seen.add(c.command);
    if (typeof c.description !== 'string' || c.description.length < 1 || c.description.length > 2000) out.push(`${at}/description: 1 to 2000 characters`);
    if (len(c.usage_hint) > 1000) out.push(`${at}/usage_hint: at most 1000 characters`);
    if (c.url !== undefined && !/^https:\/\//.test(c.url)) out.push(`${at}/url: an https URL`);
    const extra = Object.keys(c).filter((k) => !['command', 'description', 'usage_hint', 'should_escape', 'url'].includes(k));
    if (extra.length) out.push(`${at}: unknown properties ${extra.join(', ')}`);
  });
  const scopes: unknown = m?.oauth_config?.scopes?.bot;
  if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== 'string')) out.push('/oauth_config/scopes/bot: an array of scope names');
  const s = m?.settings ?? {};
  if (s.interactivity?.request_url !== undefined && !/^https:\/\//.test(s.interactivity.request_url)) out.push('/settings/interactivity/request_url: an https URL');
  if (s.socket_mode_enabled === false && s.interactivity?.is_enabled && !s.interactivity.request_url) out.push('/settings/interactivity: request_url is required without Socket Mode');
  return out;
}
