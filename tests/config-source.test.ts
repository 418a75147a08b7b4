// src/config.ts is the only reader of the environment: every variable is validated there, once.
// Scans the product code, scripts, benchmarks and the bin (tests set up the environment of what
// they run, so they are not scanned).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SCANNED = ['src', 'commands', 'scripts', 'bench', 'bin'];
const ALLOWED = new Set(['src/config.ts']);
// process.env, process['env'], destructuring `{ env } = process`, and Vite's import.meta.env.
const READS_ENV = /process\s*(?:\.\s*env\b|\[\s*['"`]env['"`]\s*\])|\{[^}]*\benv\b[^}]*\}\s*=\s*process\b|import\.meta\.env\b/;

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(?:[cm]?[jt]s)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));
}

describe('configuration has one source', () => {
  const files = SCANNED.flatMap(sourceFiles);

  it('scans the tree', () => {
    expect(files).toContain('src/config.ts');
    expect(files).toContain('src/main.ts');
    expect(files.length).toBeGreaterThan(50);
  });

  it('no file but src/config.ts reads process.env', () => {
    const offenders = files.filter((f) => !ALLOWED.has(f) && READS_ENV.test(readFileSync(path.join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('the pattern catches the ways of reading it', () => {
    for (const s of ['process.env.X', "process['env'].X", 'const { env } = process;', 'import.meta.env.MODE']) expect(READS_ENV.test(s), s).toBe(true);
    expect(READS_ENV.test('config().NN_BACKEND')).toBe(false);
  });
});
