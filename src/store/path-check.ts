// Start-up check of DATABASE_PATH before SQLite touches it: the parent chain is walked up to the
// first folder that exists, and only then are the missing folders made, one level at a time (a
// recursive mkdir under /proc never returns). Any problem is a ConfigError naming the variable.
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../config.ts';

// Kernel file systems where nothing can be stored (statfs f_type): proc, sysfs, devpts, cgroup, cgroup2.
const VIRTUAL_FS = new Set([0x9fa0, 0x62656572, 0x1cd1, 0x27e0eb, 0x63677270]);

function fail(reason: string): never {
  throw new ConfigError('DATABASE_PATH', reason);
}

function isVirtual(dir: string): boolean {
  try {
    return VIRTUAL_FS.has(Number(fs.statfsSync(dir).type));
  } catch {
    return false;
  }
}

/** undefined when nothing is there (or a file sits where a folder would be: the walk up finds it). */
function statOf(p: string, file: string): fs.Stats | undefined {
  try {
    return fs.statSync(p);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    fail(`(${file}) cannot be checked: ${p} gives ${code ?? 'an error'}`);
  }
}

function writable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** Makes sure `file` can hold the SQLite database (creating its folders); throws ConfigError if not. */
export function prepareDatabasePath(file: string): string {
  if (file === ':memory:') return file;
  const target = path.resolve(file);
  if (/[\0]/.test(target)) fail('contains a NUL character');
  const existing = statOf(target, file);
  if (existing?.isDirectory()) fail(`(${file}) is a folder; give a file path such as ${path.join(file, 'nn-tutor.db')}`);
  if (existing && !existing.isFile()) fail(`(${file}) is not a regular file`);

  // Walk up to the nearest folder that exists.
  const missing: string[] = [];
  let dir = path.dirname(target);
  for (;;) {
    const st = statOf(dir, file);
    if (st) {
      if (!st.isDirectory()) fail(`(${file}) cannot be created: ${dir} is a file, not a folder`);
      break;
    }
    missing.unshift(dir);
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  if (isVirtual(dir)) fail(`(${file}) is on a kernel file system (${dir}) where no file can be stored`);
  if (!writable(dir)) fail(`(${file}) cannot be created: the folder ${dir} is not writable`);
  for (const d of missing) {
    try {
      fs.mkdirSync(d);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') fail(`(${file}) cannot be created: making the folder ${d} failed (${code ?? 'error'})`);
    }
  }
  // SQLite writes -wal and -shm files beside the database.
  if (!writable(path.dirname(target))) fail(`(${file}) cannot be used: its folder ${path.dirname(target)} is not writable (SQLite keeps journal files beside it)`);
  if (existing && !writable(target)) fail(`(${file}) is not writable`);
  return target;
}
