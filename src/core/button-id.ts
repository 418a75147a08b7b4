// Button ids are "<command>:<payload>": the command that owns the button, then whatever that command
// needs to answer the click. Ids come back from the platforms untrusted, so parsing never throws.
export interface ButtonId {
  command: string;
  payload: string;
}

export function formatButtonId(command: string, payload: string): string {
  return `${command}:${payload}`;
}

/** The owning command and payload, or undefined when the id has no command part. */
export function parseButtonId(id: string): ButtonId | undefined {
  const sep = id.indexOf(':');
  if (sep <= 0) return undefined;
  return { command: id.slice(0, sep), payload: id.slice(sep + 1) };
}

/** The owning command's name, or '' (what the queue needs to know whether the click is heavy). */
export function buttonCommand(id: string): string {
  return parseButtonId(id)?.command ?? '';
}
