/**
 * The Teams app package: the manifest (filled from configuration) is valid against the official
 * schema, the committed icons are what Teams asks for, and the package is a zip that a reader
 * independent of the writer (Node's zlib, through the central directory) reads back byte for byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync, inflateSync } from 'node:zlib';
import { APP_PACKAGE_DIR, buildManifest, type Json } from '../../bots/teams/app-package/manifest';
import { manifestProblems } from '../../bots/teams/app-package/validate-manifest';
import { appPackageZip } from '../../bots/teams/app-package/zip-package';

const APP_ID = '6f1d9a52-3c4b-4e8f-9a77-0b1c2d3e4f50';
const settings = { appId: APP_ID, publicUrl: 'https://nabo.example.dk/' };

/** Reads a PNG's size and RGBA pixels (8-bit RGBA, filter 0 rows, as the committed icons are stored). */
function readPng(bytes: Buffer): { width: number; height: number; pixel(x: number, y: number): number[] } {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25]]).toEqual([8, 6]);
  const chunks: Buffer[] = [];
  for (let at = 8; at < bytes.length;) {
    const len = bytes.readUInt32BE(at);
    const type = bytes.toString('ascii', at + 4, at + 8);
    expect(crc32(bytes.subarray(at + 4, at + 8 + len))).toBe(bytes.readUInt32BE(at + 8 + len));
    if (type === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  return { width, height, pixel: (x, y) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)] };
}

/** Lists a zip's entries through its central directory and inflates them. */
function unzip(archive: Buffer): Map<string, Buffer> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const out = new Map<string, Buffer>();
  for (let i = 0; i < count; i++) {
    expect(archive.readUInt32LE(at)).toBe(0x02014b50);
    const size = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    const local = archive.readUInt32LE(at + 42);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = inflateRawSync(archive.subarray(dataStart, dataStart + size));
    expect(crc32(data)).toBe(archive.readUInt32LE(at + 16));
    out.set(name, data);
    at += 46 + nameLength;
  }
  return out;
}

describe('Teams app manifest', () => {
  test('the filled manifest is valid against the official 1.28 schema', () => {
    const manifest = buildManifest(settings);
    expect(manifestProblems(manifest)).toEqual([]);
    expect(manifest['id']).toBe(APP_ID);
    expect(manifest['validDomains']).toEqual(['nabo.example.dk']);
    const bots = manifest['bots'] as { botId: string; scopes: string[]; commandLists: { commands: { title: string }[] }[] }[];
    expect(bots[0]?.botId).toBe(APP_ID);
    expect(bots[0]?.scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bots[0]?.commandLists[0]?.commands.map((c) => c.title)).toContain('registrér leverance');
    expect(JSON.stringify(manifest['staticTabs'])).toContain('https://nabo.example.dk/tab');
  });

  test('with SSO the manifest carries webApplicationInfo, still valid', () => {
    const manifest = buildManifest({ ...settings, ssoResource: `api://nabo.example.dk/${APP_ID}`, version: '1.2.0' });
    expect(manifest['webApplicationInfo']).toEqual({ id: APP_ID, resource: `api://nabo.example.dk/${APP_ID}` });
    expect(manifestProblems(manifest)).toEqual([]);
  });

  test('the schema catches a broken manifest, and an http URL is refused before that', () => {
    const broken = { ...buildManifest(settings), id: 'not-a-guid', accentColor: 'green' } as { [k: string]: Json };
    const problems = manifestProblems(broken);
    expect(problems.some((p) => p.startsWith('.id'))).toBe(true);
    expect(problems.some((p) => p.startsWith('.accentColor'))).toBe(true);
    expect(() => buildManifest({ ...settings, publicUrl: 'http://nabo.example.dk' })).toThrow(/https/);
  });
});

describe('Teams app icons', () => {
  test('color.png is 192×192 and opaque; outline.png is 32×32, white on transparency', () => {
    const color = readPng(readFileSync(join(APP_PACKAGE_DIR, 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixel(0, 0)).toEqual([0x1f, 0x6f, 0x5c, 255]);
    const outline = readPng(readFileSync(join(APP_PACKAGE_DIR, 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const pixels = Array.from({ length: 32 * 32 }, (_, i) => outline.pixel(i % 32, Math.floor(i / 32)));
    expect(pixels.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(pixels.filter((p) => p[3] === 0).length).toBeGreaterThan(400);
    expect(pixels.filter((p) => p[3] === 255).length).toBeGreaterThan(100);
  });
});

describe('app package', () => {
  test('the zip holds the manifest and both icons, read back byte for byte', () => {
    const manifest = buildManifest(settings);
    const files = unzip(appPackageZip(manifest, new Date('2026-11-19T12:00:00')));
    expect([...files.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '')).toEqual(manifest);
    for (const icon of ['color.png', 'outline.png']) expect(files.get(icon)?.equals(readFileSync(join(APP_PACKAGE_DIR, icon)))).toBe(true);
  });
});
