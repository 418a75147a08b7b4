// Structured logs to stderr (stdout is the console chat's and --json's). Secrets are redacted by key.
import { pino } from 'pino';
import { requestIdMixin } from './request-id.ts';

const level = process.env.LOG_LEVEL ?? (process.env.VITEST ? 'silent' : 'warn');

export const log = pino(
  {
    level,
    base: { app: 'nn-tutor' },
    // Every line logged while handling one interaction carries its id (AsyncLocalStorage).
    mixin: requestIdMixin,
    redact: {
      paths: ['token', '*.token', 'botToken', 'appToken', 'signingSecret', '*.authorization', 'headers.authorization'],
      censor: '[redacted]',
    },
  },
  pino.destination({ fd: 2, sync: true }),
);
