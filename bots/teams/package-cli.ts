/**
 * `npm run teams:package`: the Teams app package data/nabo-teams.zip (manifest.json, color.png,
 * outline.png) with the bot's id and Nabo's public address filled in, checked against the official
 * manifest schema before it is written. Upload it in Teams (Apps → Manage your apps → Upload).
 *
 *   MicrosoftAppId=<bot app id> NABO_PUBLIC_URL=https://nabo.example.dk npm run teams:package
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../../src/config/env';
import { PROJECT_ROOT } from '../../src/config/config';
import { buildManifest } from './app-package/manifest';
import { manifestProblems } from './app-package/validate-manifest';
import { appPackageZip } from './app-package/zip-package';

const envSchema = z.object({
  MicrosoftAppId: z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be the bot registration’s application (client) id'),
  NABO_PUBLIC_URL: z.string().url().startsWith('https://', 'must start with https:// (Teams loads tabs over HTTPS only)'),
  NABO_TEAMS_APP_VERSION: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/, 'must look like 1.2.3')
    .optional(),
  TEAMS_SSO_AUDIENCE: z.string().min(1).optional(),
});

export const PACKAGE_FILE = join(PROJECT_ROOT, 'data', 'nabo-teams.zip');

function main(): void {
  let e: z.output<typeof envSchema>;
  try {
    e = parseEnv(envSchema, process.env, 'Teams app package');
  } catch (err) {
    console.error(`Cannot build the Teams app package. ${err instanceof Error ? err.message : String(err)}`);
    process.exit(2);
  }
  const manifest = buildManifest({
    appId: e.MicrosoftAppId,
    publicUrl: e.NABO_PUBLIC_URL,
    version: e.NABO_TEAMS_APP_VERSION,
    ssoResource: e.TEAMS_SSO_AUDIENCE,
  });
  const problems = manifestProblems(manifest);
  if (problems.length) {
    console.error(`The manifest does not match the Teams schema:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  const archive = appPackageZip(manifest);
  mkdirSync(join(PROJECT_ROOT, 'data'), { recursive: true });
  writeFileSync(PACKAGE_FILE, archive);
  console.log(`Wrote ${PACKAGE_FILE} (${archive.length} bytes) for ${e.NABO_PUBLIC_URL}. Upload it in Teams: Apps → Manage your apps → Upload an app.`);
}

if (require.main === module) main();
