// The console shows images as PNG files on disk and prints their paths.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ImageAttachment } from '../../core/reply.ts';

let counter = 0;

export function saveImage(dir: string, image: ImageAttachment): string {
  mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '');
  const safe = image.filename.replace(/[^\w.-]+/g, '_').replace(/^\.+/, '') || 'image.png';
  const file = path.join(dir, `${stamp}-${process.pid}-${++counter}-${safe}`);
  writeFileSync(file, image.data);
  return file;
}
