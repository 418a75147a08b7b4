// Discord's request signing for the Interactions Endpoint URL: every POST carries an Ed25519
// signature (X-Signature-Ed25519, hex) over timestamp + raw body, made with the application's
// key pair; we verify it against the Public Key from the Developer Portal. node:crypto does
// Ed25519 natively, so no library is needed. Old timestamps are refused to stop replays.
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

/** How old a signed timestamp may be (and how far in the future, for clock skew). */
export const MAX_SIGNATURE_AGE_S = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

/** The 32-byte hex Public Key as a node KeyObject (JWK "OKP"/Ed25519 takes the raw key). */
export function importDiscordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex)) throw new Error('a Discord public key is 64 hex characters');
  const x = Buffer.from(hex, 'hex').toString('base64url');
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  rawBody: Buffer;
}

export function checkSignature(key: KeyObject, req: SignedRequest, nowS: number = Date.now() / 1000): SignatureCheck {
  const { signature, timestamp } = req;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  if (Math.abs(nowS - Number(timestamp)) > MAX_SIGNATURE_AGE_S) return { ok: false, reason: 'stale' };
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), req.rawBody]);
  return verify(null, signed, key, Buffer.from(signature, 'hex')) ? { ok: true } : { ok: false, reason: 'mismatch' };
}
