/**
 * The Teams app package: manifest.json and the two committed icons at the root of a zip, written
 * with fflate (deflate at level 9).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { APP_PACKAGE_DIR, type Json } from './manifest';

/** The zip Teams accepts for upload ("Apps → Manage your apps → Upload an app"). */
export function appPackageZip(manifest: { [key: string]: Json }, modified = new Date()): Buffer {
  const entry = (data: Uint8Array): [Uint8Array, { mtime: Date }] => [data, { mtime: modified }];
  const archive = zipSync(
    {
      'manifest.json': entry(Buffer.from(JSON.stringify(manifest, null, 2))),
      'color.png': entry(readFileSync(join(APP_PACKAGE_DIR, 'color.png'))),
      'outline.png': entry(readFileSync(join(APP_PACKAGE_DIR, 'outline.png'))),
    },
    { level: 9 },
  );
  return Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
}
