// Long text split into platform-sized chunks at line (then word) boundaries, keeping ``` code
// blocks balanced: a block cut in two is closed at the end of one chunk and reopened in the next.

const FENCE = '```';

function hardSplit(line: string, max: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > max) {
    let cut = rest.lastIndexOf(' ', max);
    if (cut < max / 2) cut = max;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^ /, '');
  }
  out.push(rest);
  return out;
}

/** Chunks of at most `max` characters (max ≥ 20), in order; joined they read as the original. */
export function splitText(text: string, max: number): string[] {
  if (text.length <= max) return [text];
  const budget = max - (FENCE.length + 1) * 2; // room to close and reopen a fence
  const lines = text.split('\n').flatMap((l) => hardSplit(l, budget));
  const chunks: string[] = [];
  let current: string[] = [];
  let length = 0;
  let inFence = false;
  let fenceAtStart = false;
  const flush = () => {
    if (current.length === 0) return;
    const body = current.join('\n');
    chunks.push((fenceAtStart ? FENCE + '\n' : '') + body + (inFence ? '\n' + FENCE : ''));
    fenceAtStart = inFence;
    current = [];
    length = 0;
  };
  for (const line of lines) {
    if (length + line.length + 1 > budget) flush();
    current.push(line);
    length += line.length + 1;
    const fences = line.split(FENCE).length - 1;
    if (fences % 2 === 1) inFence = !inFence;
  }
  flush();
  return chunks;
}

/** Cut to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}
