// Structured logs to stderr (stdout is the console chat's and --json's). Secrets are redacted by key.
// The level comes from the parsed configuration: configureLog() is called once .env has been read
// (src/main.ts); until then the environment as it is sets it, and a bad LOG_LEVEL is left for
// start-up to report by name instead of crashing here.
import { pino, type Logger } from 'pino';
import { config, logLevelOf, type Config, type LogLevel } from '../config.ts';
import { requestIdMixin } from './request-id.ts';

function levelNow(): LogLevel {
  try {
    return logLevelOf(config());
  } catch {
    return 'warn';
  }
}

// Children copy their parent's level when created; configureLog() updates those made earlier too.
const children: WeakRef<Logger>[] = [];

export const log = pino(
  {
    level: levelNow(),
    base: { app: 'nn-tutor' },
    // Every line logged while handling one interaction carries its id (AsyncLocalStorage).
    mixin: requestIdMixin,
    redact: {
      paths: ['token', '*.token', 'botToken', 'appToken', 'signingSecret', '*.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
    onChild: (child) => void children.push(new WeakRef(child)),
  },
  pino.destination({ fd: 2, sync: true }),
);

export function configureLog(cfg: Pick<Config, 'LOG_LEVEL' | 'VITEST'>): void {
  const level = logLevelOf(cfg);
  log.level = level;
  for (const ref of children) {
    const child = ref.deref();
    if (child) child.level = level;
  }
}
