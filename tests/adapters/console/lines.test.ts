import { describe, expect, it } from 'vitest';
import { isBlankLine, readLines, serveJsonLines } from '../../../src/adapters/console/lines.ts';

async function collect(input: Iterable<string | Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(input)) out.push(line);
  return out;
}

/** Serve `input`, answering each line with its own text; returns the JSON objects written. */
async function serve(input: Iterable<string | Uint8Array>) {
  const written: string[] = [];
  const code = await serveJsonLines(input, (t) => void written.push(t), {
    run: async (line) => ({ json: { text: line }, status: line.startsWith('/bad') ? 'user-error' : 'ok' }),
    show: (outcome) => ({ json: { text: outcome.reply.text }, status: outcome.status }),
  });
  return { code, replies: written.join('').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; status: string }) };
}

describe('readLines', () => {
  it('ends lines only at \\n and \\r\\n: a bare CR stays inside its line', async () => {
    expect(await collect(['/help\r/about\n/a\r\n/b'])).toEqual(['/help\r/about', '/a', '/b']);
    expect(await collect(['one\n\ntwo\n'])).toEqual(['one', '', 'two']);
  });
  it('decodes UTF-8 split across chunks', async () => {
    const bytes = Buffer.from('/translate text:café 🙂\n/help\n', 'utf8');
    const chunks = Array.from({ length: bytes.length }, (_, i) => bytes.subarray(i, i + 1)); // one byte at a time
    expect(await collect(chunks)).toEqual(['/translate text:café 🙂', '/help']);
  });
});

describe('serveJsonLines', () => {
  it('answers every line exactly once, blank ones with a user error (repro: "   \\n" got no reply)', async () => {
    const blanks = ['', ' ', '\t', '\u00a0', '\ufeff', '\u3000', '\u2028', '\u200b'];
    for (const b of blanks) expect(isBlankLine(b)).toBe(true);
    const input = ['/help', ...blanks, '/help\r/about', '/bad'].join('\n') + '\n';
    const { code, replies } = await serve([input]);
    expect(replies).toHaveLength(1 + blanks.length + 2);
    expect(replies.slice(1, 1 + blanks.length).every((r) => r.status === 'user-error' && /empty/.test(r.text))).toBe(true);
    expect(replies[1 + blanks.length]!.text).toBe('/help\r/about'); // one line, one reply
    expect(code).toBe(2);
  });
  it('exits 0 when every line succeeded and nothing when there is no input', async () => {
    expect((await serve(['/a\n/b'])).code).toBe(0);
    expect((await serve([])).replies).toEqual([]);
  });
});
