/**
 * The Teams channel's configuration, validated once at start (architecture habit 1). The Bot
 * Framework settings keep their standard names (MicrosoftAppId …) so an Azure Bot's usual
 * environment works unchanged.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { optional, parseEnv } from '../../src/config/env';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Entra ids are GUIDs; the Agents Playground's made-up ones have a digit more, so lists take hex and dashes. */
const ENTRA_ID = /^[0-9a-f][0-9a-f-]{7,63}$/i;

/** Empty variables count as unset: `FOO=` in an .env file means "not configured". */

/** "a, b ,c" → ["a","b","c"], each an Entra (tenant or object) id, lower-cased. */
const guidList = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine((ids) => ids.every((id) => ENTRA_ID.test(id)), 'must be a comma-separated list of Entra ids (GUIDs)');

const envSchema = z.object({
  MicrosoftAppId: optional(z.string().trim().regex(GUID, 'must be the bot registration’s application (client) id, a GUID')),
  MicrosoftAppPassword: optional(z.string()),
  MicrosoftAppTenantId: optional(z.string().trim().regex(GUID, 'must be a GUID')),
  MicrosoftAppType: optional(z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'])),
  TEAMS_ALLOWED_TENANTS: guidList,
  NABO_COORDINATORS: guidList,
  NABO_ADMINS: guidList,
  NABO_PUBLIC_URL: optional(
    z
      .string()
      .url()
      .refine((u) => /^https?:\/\//.test(u), 'must be an http(s) URL'),
  ),
  NABO_TAB_SECRET: optional(z.string().min(32, 'must be at least 32 characters (e.g. `openssl rand -hex 32`)')),
  TEAMS_SSO_AUDIENCE: optional(z.string().min(1)),
  TEAMS_STAFF_CHANNEL: optional(z.string().min(1).max(400)),
});

/** The Teams channel's validated configuration. */
export interface TeamsConfig {
  /** Bot Framework settings, passed as-is to ConfigurationBotFrameworkAuthentication. */
  appId: string | undefined;
  appPassword: string | undefined;
  appTenantId: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI' | undefined;
  /** Tenants whose users are staff; empty = any tenant (only allowed without an app id). */
  allowedTenants: string[];
  coordinators: ReadonlySet<string>;
  admins: ReadonlySet<string>;
  /** Where Teams reaches Nabo (the tab, the app package); undefined = local use. */
  publicUrl: string | undefined;
  /** HMAC key of the dashboard's signed links. */
  tabSecret: string;
  ssoAudience: string | undefined;
  /** Pins the staff channel to one conversation id; otherwise the latest channel Nabo joined. */
  staffChannel: string | undefined;
  /** Things an operator should know, logged once at start. */
  warnings: string[];
}

/** Parses the Teams variables; throws one readable error listing every wrong variable. */
export function loadTeamsConfig(env: NodeJS.ProcessEnv = process.env): TeamsConfig {
  const e = parseEnv(envSchema, env, 'Teams');
  const warnings: string[] = [];
  const problems: string[] = [];
  if (e.MicrosoftAppType === 'SingleTenant' && !e.MicrosoftAppTenantId) problems.push('  MicrosoftAppTenantId: required when MicrosoftAppType is SingleTenant');
  if (e.MicrosoftAppId && !e.MicrosoftAppPassword && e.MicrosoftAppType !== 'UserAssignedMSI')
    problems.push('  MicrosoftAppPassword: required with MicrosoftAppId (unless MicrosoftAppType is UserAssignedMSI)');
  let allowedTenants = e.TEAMS_ALLOWED_TENANTS;
  if (allowedTenants.length === 0 && e.MicrosoftAppId) {
    // A single-tenant bot names its tenant already; anything else must say whose staff it serves.
    if (e.MicrosoftAppTenantId) allowedTenants = [e.MicrosoftAppTenantId.toLowerCase()];
    else problems.push('  TEAMS_ALLOWED_TENANTS: required with MicrosoftAppId (the Entra tenant ids whose users are staff)');
  }
  if (problems.length) throw new Error(`Invalid Teams configuration:\n${problems.join('\n')}`);
  if (!e.MicrosoftAppId) {
    warnings.push(
      'MicrosoftAppId is not set: /api/messages accepts unauthenticated activities. Fine for local use and tests, never for a server Teams reaches.',
    );
    if (allowedTenants.length === 0) warnings.push('TEAMS_ALLOWED_TENANTS is empty: users of any tenant are treated as staff (local use only).');
  }
  let tabSecret = e.NABO_TAB_SECRET;
  if (!tabSecret) {
    tabSecret = randomBytes(32).toString('hex');
    warnings.push('NABO_TAB_SECRET is not set: a random one was generated, so dashboard links stop working at restart and differ between instances.');
  }
  if (e.TEAMS_SSO_AUDIENCE)
    warnings.push('TEAMS_SSO_AUDIENCE is set: Teams SSO tokens are checked against keys from login.microsoftonline.com, which must be reachable.');
  return {
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appTenantId: e.MicrosoftAppTenantId,
    appType: e.MicrosoftAppType,
    allowedTenants,
    coordinators: new Set(e.NABO_COORDINATORS),
    admins: new Set(e.NABO_ADMINS),
    publicUrl: e.NABO_PUBLIC_URL?.replace(/\/+$/, ''),
    tabSecret,
    ssoAudience: e.TEAMS_SSO_AUDIENCE,
    staffChannel: e.TEAMS_STAFF_CHANNEL,
    warnings,
  };
}
