// Runs before every test file: a fresh temporary DATABASE_PATH, so no test reads or writes the
// repository's data/nn-tutor.db (a later real start would post its quizzes and schedules).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const dir = mkdtempSync(path.join(tmpdir(), 'nn-tutor-test-db-'));
process.env.DATABASE_PATH = path.join(dir, 'nn-tutor.db');

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
