// Choosing the engine from the configuration, and what a bad or unreachable DATABASE_URL says.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { openConfiguredStore } from '../../src/store/index.ts';
import { PostgresStore, redactUrl } from '../../src/store/postgres.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { tempDbPath } from '../quiz/helpers.ts';

describe('DATABASE_URL', () => {
  it('absent: SQLite at DATABASE_PATH, exactly as before', async () => {
    const config = loadConfig({ DATABASE_PATH: tempDbPath() });
    expect(config.DATABASE_URL).toBeUndefined();
    const store = openConfiguredStore(config);
    expect(store).toBeInstanceOf(SqliteStore);
    await store.close();
  });

  it('must be a postgres:// URL; the message names the variable', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://u@h/db' })).toThrow(/DATABASE_URL must be a postgres:\/\//);
    expect(loadConfig({ DATABASE_URL: ' ' }).DATABASE_URL).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgresql://u@h:5432/db' }).DATABASE_URL).toBe('postgresql://u@h:5432/db');
  });

  it('set: PostgreSQL; an unreachable server is reported with the URL but never its password', async () => {
    const store = openConfiguredStore(loadConfig({ DATABASE_URL: 'postgres://nn:hunter2@127.0.0.1:1/nn' }));
    expect(store).toBeInstanceOf(PostgresStore);
    const err = await store.getQuiz('x').then(() => undefined, (e: Error) => e);
    expect(err?.message).toMatch(/Cannot open the PostgreSQL database at DATABASE_URL \(postgres:\/\/nn:\*\*\*@127\.0\.0\.1:1\/nn\)/);
    expect(err?.message).not.toContain('hunter2');
    await store.close();
    expect(redactUrl('not a url')).not.toContain('not a url');
  });
});
