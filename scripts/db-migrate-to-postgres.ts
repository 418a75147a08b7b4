// `npm run db:migrate-to-postgres [-- --from data/nn-tutor.db] [--force]`: copy the SQLite database
// (DATABASE_PATH, or --from) into the PostgreSQL database at DATABASE_URL. Refuses a target that
// already holds quizzes, answers, scores or schedules unless --force (which replaces them).
import fs from 'node:fs';
import { ConfigError, loadConfig } from '../src/config.ts';
import { copySqliteToPostgres, CopyError } from '../src/store/copy.ts';
import { redactUrl } from '../src/store/postgres.ts';

if (fs.existsSync('.env')) process.loadEnvFile('.env');
const args = process.argv.slice(2);
const at = args.indexOf('--from');
try {
  const unknown = args.filter((a, i) => a !== '--force' && a !== '--from' && !(at >= 0 && i === at + 1));
  if (unknown.length > 0 || (at >= 0 && !args[at + 1])) throw new CopyError('Usage: npm run db:migrate-to-postgres -- [--from FILE] [--force]');
  const config = loadConfig();
  if (!config.DATABASE_URL) throw new ConfigError('DATABASE_URL', 'is missing: set it to the PostgreSQL database to copy into (postgres://user@host:5432/db)');
  const from = at >= 0 ? args[at + 1]! : config.DATABASE_PATH;
  const counts = await copySqliteToPostgres(from, config.DATABASE_URL, { force: args.includes('--force') });
  console.log(`Copied ${from} → ${redactUrl(config.DATABASE_URL)}: ${Object.entries(counts).map(([t, n]) => `${n} ${t}`).join(', ')}.`);
  console.log('Start every copy of the bot with this DATABASE_URL; the SQLite file is left as it was.');
} catch (err) {
  console.error(`db:migrate-to-postgres: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = err instanceof ConfigError || err instanceof CopyError ? 2 : 1;
}
