// Moving an existing SQLite database to PostgreSQL (npm run db:migrate-to-postgres): scores,
// quizzes, answers (in their commit order), the asked history and schedules, in one PostgreSQL
// transaction, so the target has all of it or none. Claims, Slack trigger ids and user slots are
// short-lived and not copied.
import fs from 'node:fs';
import { PostgresStore } from './postgres.ts';
import { SqliteStore } from './sqlite.ts';

/** Copied in this order (answers refer to quizzes). */
export const COPIED_TABLES = ['quizzes', 'answers', 'asked', 'scores', 'schedules'] as const;
export type CopiedTable = (typeof COPIED_TABLES)[number];

export class CopyError extends Error {
  override name = 'CopyError';
}

export interface CopyOptions {
  /** Replace whatever the target already holds. */
  force?: boolean;
  schema?: string;
}

const BATCH = 500;

/** Copies `sqliteFile` into the PostgreSQL database at `url`; rows copied per table. */
export async function copySqliteToPostgres(sqliteFile: string, url: string, opts: CopyOptions = {}): Promise<Record<CopiedTable, number>> {
  if (!fs.existsSync(sqliteFile)) throw new CopyError(`There is no SQLite database at ${sqliteFile} (set DATABASE_PATH or pass --from FILE).`);
  const source = new SqliteStore(sqliteFile); // brings an older file to the current schema first
  const target = new PostgresStore({ connectionString: url, schema: opts.schema, max: 1 });
  try {
    await target.ready;
    const client = await target.pool.connect();
    try {
      await client.query('BEGIN');
      const present: string[] = [];
      for (const t of COPIED_TABLES) {
        const { rows } = await client.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${t}`);
        if (rows[0]!.n > 0) present.push(`${t} (${rows[0]!.n})`);
      }
      if (present.length > 0 && !opts.force) {
        throw new CopyError(`The PostgreSQL database already holds data: ${present.join(', ')}. Nothing was copied. Use --force to replace it.`);
      }
      if (present.length > 0) await client.query(`TRUNCATE ${[...COPIED_TABLES].reverse().join(', ')}`);
      const counts = {} as Record<CopiedTable, number>;
      for (const t of COPIED_TABLES) {
        const rows = source.db.prepare(`SELECT * FROM ${t}${t === 'answers' ? ' ORDER BY seq' : ''}`).all() as Record<string, unknown>[];
        counts[t] = rows.length;
        for (let i = 0; i < rows.length; i += BATCH) {
          const batch = rows.slice(i, i + BATCH);
          const columns = Object.keys(batch[0]!);
          const params: unknown[] = [];
          const values = batch.map((row) => `(${columns.map((c) => (params.push(row[c]), `$${params.length}`)).join(', ')})`);
          // seq keeps the SQLite commit order ("who was right first"), hence OVERRIDING SYSTEM VALUE.
          const override = t === 'answers' ? ' OVERRIDING SYSTEM VALUE' : '';
          await client.query(`INSERT INTO ${t} (${columns.join(', ')})${override} VALUES ${values.join(', ')}`, params);
        }
      }
      await client.query(`SELECT setval(pg_get_serial_sequence('answers', 'seq'), COALESCE((SELECT MAX(seq) FROM answers), 0) + 1, false)`);
      await client.query('COMMIT');
      return counts;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  } finally {
    await source.close();
    await target.close();
  }
}
