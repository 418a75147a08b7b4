// Global setup: fingerprints the default database (data/nn-tutor.db and its -wal/-shm files)
// before the run and fails the run if any test created or changed it.
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATABASE_PATH } from '../../src/config.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FILES = ['', '-wal', '-shm', '-journal'].map((s) => path.join(ROOT, `${DEFAULT_DATABASE_PATH}${s}`));

export function fingerprint(): string {
  return FILES.map((f) => {
    const st = statSync(f, { throwIfNoEntry: false });
    return st ? `${f} ${st.size} ${st.mtimeMs} ${createHash('sha256').update(readFileSync(f)).digest('hex')}` : `${f} absent`;
  }).join('\n');
}

export default function setup(): () => void {
  const before = fingerprint();
  return () => {
    const after = fingerprint();
    if (after === before) return;
    // vitest reports an error thrown here but still exits 0: set the exit code as well.
    process.exitCode = 1;
    throw new Error(`the test run created or modified ${DEFAULT_DATABASE_PATH}:\nbefore\n${before}\nafter\n${after}`);
  };
}
