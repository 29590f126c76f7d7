/**
 * The Teams app manifest from manifest.template.json: the bot registration's id, the public host
 * and, with SSO, webApplicationInfo filled in from configuration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/config/config';

// The template, icons and schema stay beside the sources; the compiled server reads them there.
export const APP_PACKAGE_DIR = join(PROJECT_ROOT, 'bots', 'teams', 'app-package');
export const TEMPLATE_FILE = join(APP_PACKAGE_DIR, 'manifest.template.json');
export const SCHEMA_FILE = join(APP_PACKAGE_DIR, 'schema', 'MicrosoftTeams.schema.1.28.json');

/** A JSON value, for walking the template. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface ManifestSettings {
  appId: string;
  /** https://host[:port] where Teams reaches Nabo (no trailing slash). */
  publicUrl: string;
  version?: string;
  /** Teams SSO for the tab: the Entra app's Application ID URI (api://host/<app id>). */
  ssoResource?: string;
}

function fillStrings(value: Json, vars: Record<string, string>): Json {
  if (typeof value === 'string') return value.replace(/\{\{(\w+)\}\}/g, (m, k: string) => vars[k] ?? m);
  if (Array.isArray(value)) return value.map((v) => fillStrings(v, vars));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillStrings(v, vars)]));
  return value;
}

/** The filled manifest; throws when the settings cannot make a manifest Teams accepts. */
export function buildManifest(settings: ManifestSettings, template: string = readFileSync(TEMPLATE_FILE, 'utf8')): { [key: string]: Json } {
  const url = new URL(settings.publicUrl);
  if (url.protocol !== 'https:') throw new Error('NABO_PUBLIC_URL must be an https:// URL: Teams only loads tabs and links over HTTPS.');
  const publicUrl = settings.publicUrl.replace(/\/+$/, '');
  const filled = fillStrings(JSON.parse(template) as Json, { MICROSOFT_APP_ID: settings.appId, PUBLIC_URL: publicUrl, PUBLIC_HOST: url.host }) as {
    [key: string]: Json;
  };
  if (settings.version) filled['version'] = settings.version;
  if (settings.ssoResource) filled['webApplicationInfo'] = { id: settings.appId, resource: settings.ssoResource };
  const left = JSON.stringify(filled).match(/\{\{\w+\}\}/);
  if (left) throw new Error(`manifest template placeholder not filled: ${left[0]}`);
  return filled;
}
