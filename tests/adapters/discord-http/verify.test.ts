// Discord's Ed25519 request signatures, checked with node:crypto against keys made here.
import { generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkSignature, importDiscordPublicKey, MAX_SIGNATURE_AGE_S } from '../../../src/adapters/discord-http/verify.ts';

const pair = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const hex = (k: typeof pair.publicKey) => Buffer.from(k.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
const key = importDiscordPublicKey(hex(pair.publicKey));
const NOW = 1_800_000_000;

function signed(body: string, timestamp = String(NOW), priv = pair.privateKey) {
  return { signature: sign(null, Buffer.from(timestamp + body), priv).toString('hex'), timestamp, rawBody: Buffer.from(body) };
}

describe('checkSignature', () => {
  it('accepts a request signed with the application key', () => {
    expect(checkSignature(key, signed('{"type":1}'), NOW)).toEqual({ ok: true });
  });

  it('refuses a signature made with another key', () => {
    expect(checkSignature(key, signed('{"type":1}', String(NOW), other.privateKey), NOW)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a body changed after signing, by one byte', () => {
    const req = signed('{"type":1}');
    expect(checkSignature(key, { ...req, rawBody: Buffer.from('{"type":2}') }, NOW)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a timestamp changed after signing', () => {
    const req = signed('{"type":1}');
    expect(checkSignature(key, { ...req, timestamp: String(NOW + 1) }, NOW)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a correctly signed but stale (or far-future) timestamp', () => {
    const old = String(NOW - MAX_SIGNATURE_AGE_S - 1);
    expect(checkSignature(key, signed('{}', old), NOW)).toEqual({ ok: false, reason: 'stale' });
    expect(checkSignature(key, signed('{}', String(NOW + MAX_SIGNATURE_AGE_S + 1)), NOW)).toEqual({ ok: false, reason: 'stale' });
    expect(checkSignature(key, signed('{}', String(NOW - 60)), NOW)).toEqual({ ok: true });
  });

  it('refuses missing or malformed headers without throwing', () => {
    expect(checkSignature(key, { signature: undefined, timestamp: String(NOW), rawBody: Buffer.alloc(0) }, NOW)).toEqual({ ok: false, reason: 'missing' });
    expect(checkSignature(key, { signature: 'zz', timestamp: String(NOW), rawBody: Buffer.alloc(0) }, NOW)).toEqual({ ok: false, reason: 'malformed' });
    expect(checkSignature(key, { ...signed('{}'), timestamp: 'yesterday' }, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('imports only a 64-hex-character public key', () => {
    expect(() => importDiscordPublicKey('abc')).toThrow(/64 hex/);
  });
});
