/**
 * The deployment files, checked without Docker or Azure (neither runs in CI): deploy/compose.yaml
 * against the vendored Compose Specification schema and for the topology Nabo needs (PostgreSQL,
 * two instances, a TLS proxy routing on /readyz, secrets from env files only); the Dockerfile's
 * stages, user, health check and command; the proxy configurations; and main.bicep's resources
 * and Key Vault references. Mistakes here only show on a customer's server otherwise.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';

const ROOT = join(__dirname, '..', '..');
const DEPLOY = join(ROOT, 'deploy');
const read = (...parts: string[]): string => readFileSync(join(DEPLOY, ...parts), 'utf8');

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});

describe('deploy/compose.yaml', () => {
  const compose = parse(read('compose.yaml'), { merge: true }) as Json;
  const services = obj(compose['services']);
  const nabos = Object.keys(services).filter((n) => obj(obj(services[n])['build'])['dockerfile'] === 'deploy/Dockerfile');

  test('is valid against the Compose Specification schema', () => {
    const ajv = new Ajv({ allErrors: true });
    const draft07 = JSON.parse(readFileSync(require.resolve('ajv/lib/refs/json-schema-draft-07.json'), 'utf8')) as object;
    ajv.addMetaSchema(draft07, 'https://json-schema.org/draft-07/schema');
    const validate = ajv.compile(JSON.parse(read('schema', 'compose-spec.json')) as object);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema itself catches what it should: a misspelt key is refused.
    expect(validate({ services: { nabo: { imagee: 'nabo' } } })).toBe(false);
  });

  test('runs PostgreSQL with a volume and a health check, two Nabo instances built from deploy/Dockerfile, and a proxy on 443', () => {
    const pg = obj(services['postgres']);
    expect(String(pg['image'])).toMatch(/^postgres:\d+/);
    expect(pg['volumes']).toContainEqual(expect.stringMatching(/^postgres-data:\/var\/lib\/postgresql\/data$/));
    expect(obj(pg['healthcheck'])['test']).toEqual(expect.arrayContaining([expect.stringContaining('pg_isready')]));

    expect(nabos).toHaveLength(2);
    for (const name of nabos) {
      const s = obj(services[name]);
      expect(obj(obj(s['depends_on'])['postgres'])['condition']).toBe('service_healthy');
      expect(s['init']).toBe(true);
      expect(s['stop_grace_period']).toBe('30s');
      expect(obj(s['healthcheck'])['test']).toEqual(expect.arrayContaining([expect.stringContaining('/readyz')]));
    }

    const proxy = obj(services['proxy']);
    expect(proxy['ports']).toEqual(expect.arrayContaining(['80:80', '443:443']));
    for (const name of nabos) expect(obj(obj(proxy['depends_on'])[name])['condition']).toBe('service_healthy');
    // The database is on an internal network the proxy is not on.
    expect(obj(obj(compose['networks'])['backend'])['internal']).toBe(true);
    expect(pg['networks']).toEqual(['backend']);
    expect(proxy['networks']).not.toContain('backend');
  });

  test('every named volume is declared and every bind-mounted file exists', () => {
    const declared = Object.keys(obj(compose['volumes']));
    for (const [name, s] of Object.entries(services)) {
      for (const v of (obj(s)['volumes'] as string[] | undefined) ?? []) {
        const source = v.split(':')[0] ?? '';
        if (source.startsWith('.')) {
          if (!source.endsWith('backups')) expect({ service: name, exists: existsSync(join(DEPLOY, source)) }).toEqual({ service: name, exists: true });
        } else expect(declared).toContain(source);
      }
    }
  });

  test('secrets come from env files with a committed example each, never from the Compose file', () => {
    const text = read('compose.yaml');
    expect(text).not.toMatch(/PASSWORD\s*[:=]\s*\S|TOKEN\s*[:=]\s*\S|postgresql:\/\/\S+:\S+@/i);
    for (const [name, s] of Object.entries(services)) {
      const files = (obj(s)['env_file'] as { path: string; required: boolean }[] | undefined) ?? [];
      if (name === 'postgres' || name === 'proxy' || nabos.includes(name)) expect(files.length).toBeGreaterThan(0);
      for (const f of files) {
        expect(f.required).toBe(true);
        const example = f.path === 'nabo.env' ? '.env.example' : `${f.path}.example`;
        expect({ file: f.path, example: existsSync(join(DEPLOY, example)) }).toEqual({ file: f.path, example: true });
      }
    }
    // The filled-in files never reach the image or git.
    expect(read('Dockerfile.dockerignore')).toMatch(/^deploy\/\*\.env$/m);
    expect(readFileSync(join(DEPLOY, '.gitignore'), 'utf8')).toMatch(/^\*\.env$/m);
  });

  test('the Caddyfile balances over both instances, routes on /readyz and keeps /metrics inside', () => {
    const caddy = read('caddy', 'Caddyfile');
    const upstreams = /reverse_proxy\s+([^{]+)\{/.exec(caddy)?.[1]?.trim().split(/\s+/) ?? [];
    expect(upstreams.sort()).toEqual(nabos.map((n) => `${n}:3978`).sort());
    expect(caddy).toMatch(/health_uri \/readyz/);
    expect(caddy).toMatch(/@metrics path \/metrics\s+respond @metrics 404/);
    expect(caddy).toContain('{$NABO_DOMAIN}');
    expect(read('proxy.env.example')).toMatch(/^NABO_DOMAIN=/m);
  });
});

/** Dockerfile instructions per stage, continuation lines joined and comments dropped. */
function dockerStages(text: string): { name: string; from: string; instructions: { op: string; args: string }[] }[] {
  const lines = text
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const args = new Map<string, string>();
  const stages: { name: string; from: string; instructions: { op: string; args: string }[] }[] = [];
  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/);
    const rawArgs = rest.join(' ');
    if (op.toUpperCase() === 'ARG' && stages.length === 0) {
      const [k = '', v = ''] = rawArgs.split('=');
      args.set(k, v);
      continue;
    }
    if (op.toUpperCase() === 'FROM') {
      const from = rawArgs.replace(/\$\{(\w+)\}/g, (_, k: string) => args.get(k) ?? '');
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(from);
      stages.push({ name: m?.[2] ?? String(stages.length), from: m?.[1] ?? '', instructions: [] });
      continue;
    }
    stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args: rawArgs });
  }
  return stages;
}

describe('deploy/Dockerfile', () => {
  const stages = dockerStages(read('Dockerfile'));
  const runtime = stages.at(-1);
  const ops = (op: string): string[] => runtime?.instructions.filter((i) => i.op === op).map((i) => i.args) ?? [];

  test('builds in stages on Node 24 slim and installs from the lock file', () => {
    expect(stages.map((s) => s.name)).toEqual(['deps', 'build', 'runtime']);
    expect(stages[0]?.from).toBe('node:24-slim');
    expect(stages[1]?.from).toBe('deps');
    expect(runtime?.from).toBe('node:24-slim');
    const all = stages.flatMap((s) => s.instructions.map((i) => `${i.op} ${i.args}`));
    expect(all).toContain('COPY package.json package-lock.json ./');
    expect(all.some((l) => /^RUN npm ci\b/.test(l))).toBe(true);
    expect(all.some((l) => /^RUN npm run build .*npm prune --omit=dev/.test(l))).toBe(true);
    for (const f of ['package.json', 'package-lock.json', 'prisma']) expect(existsSync(join(ROOT, f))).toBe(true);
  });

  test('runs as the unprivileged user with a health check, the compiled server and no build tools', () => {
    expect(ops('USER')).toEqual(['node']);
    expect(ops('COPY')).toEqual([expect.stringMatching(/^--from=build\b.* \/app \/app$/)]);
    expect(ops('RUN').join(' ')).not.toMatch(/apt-get|npm (ci|install)/);
    const [health] = ops('HEALTHCHECK');
    expect(health).toMatch(/--interval=\d+s/);
    expect(health).toMatch(/CMD \["node", "-e", ".*\/healthz/);
    const [cmd] = ops('CMD');
    expect(JSON.parse(cmd ?? 'null')).toEqual(['node', 'dist/bots/main.js']);
    expect(ops('EXPOSE')).toEqual(['3978']);
    // USER comes after the last RUN, so nothing at run time is root.
    const order = runtime?.instructions.map((i) => i.op) ?? [];
    expect(order.lastIndexOf('RUN')).toBeLessThan(order.indexOf('USER'));
  });

  test('starts the file `npm run build` compiles bots/main.ts to', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['build']).toBeDefined();
    const build = JSON.parse(readFileSync(join(ROOT, 'tsconfig.build.json'), 'utf8')) as {
      compilerOptions: { outDir: string; rootDir: string };
      include: string[];
    };
    expect(build.compilerOptions.rootDir).toBe('.');
    expect(build.include).toContain('bots');
    const [cmd] = ops('CMD');
    expect(JSON.parse(cmd ?? '[]')).toEqual(['node', `${build.compilerOptions.outDir}/bots/main.js`]);
  });

  test('keeps the repository clutter and the secrets out of the build context', () => {
    const ignore = read('Dockerfile.dockerignore').split('\n');
    for (const entry of ['.git', 'node_modules', 'data', '.env', 'deploy/*.env']) expect(ignore).toContain(entry);
  });
});

describe('deploy/README.md', () => {
  test('names only npm scripts that exist', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const named = [...read('README.md').matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1] ?? '');
    expect(named.length).toBeGreaterThan(3);
    for (const script of new Set(named)) expect({ script, exists: script in pkg.scripts }).toEqual({ script, exists: true });
  });
});

describe('deploy/nginx/nabo.conf', () => {
  const conf = read('nginx', 'nabo.conf');
  test('proxies to an upstream of several instances over TLS, retries a stopping instance, keeps /metrics inside', () => {
    const servers = /upstream nabo \{([^}]*)\}/.exec(conf)?.[1]?.match(/^\s*server\s+\S+/gm) ?? [];
    expect(servers.length).toBeGreaterThanOrEqual(2);
    expect(conf).toMatch(/listen 443 ssl( http2)?;/);
    expect(conf).toMatch(/proxy_next_upstream [^;]*http_503[^;]*non_idempotent;/);
    expect(conf).toMatch(/location = \/metrics \{ return 404; \}/);
    expect(conf).toMatch(/client_max_body_size 1m;/);
  });
});

describe('deploy/azure/main.bicep', () => {
  const bicep = read('azure', 'main.bicep');
  const resources = [...bicep.matchAll(/^resource (\w+) '([^@']+)@[\d-]+(?:-preview)?'/gm)].map((m) => ({ name: m[1], type: m[2] }));
  const types = resources.map((r) => r.type);

  test('declares the Azure Bot with its Teams channel, the container host, PostgreSQL and Key Vault', () => {
    for (const t of [
      'Microsoft.BotService/botServices',
      'Microsoft.BotService/botServices/channels',
      'Microsoft.App/managedEnvironments',
      'Microsoft.App/containerApps',
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'Microsoft.DBforPostgreSQL/flexibleServers/databases',
      'Microsoft.KeyVault/vaults',
      'Microsoft.KeyVault/vaults/secrets',
      'Microsoft.Authorization/roleAssignments',
    ]) {
      expect(types).toContain(t);
    }
    expect(bicep).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(bicep).toMatch(/endpoint: '\$\{publicUrl\}\/api\/messages'/);
    expect(bicep).toMatch(/kind: 'azurebot'/);
  });

  test('takes every secret as a @secure() parameter, keeps them in Key Vault and never outputs them', () => {
    const secure = [...bicep.matchAll(/@secure\(\)\s*\nparam (\w+) string/g)].map((m) => m[1]);
    expect(secure.sort()).toEqual(['botAppPassword', 'metricsToken', 'postgresPassword', 'tabSecret', 'telegramBotToken', 'telegramWebhookSecret']);
    // The container app's secrets are Key Vault references read with its managed identity.
    expect(bicep).toMatch(
      /secrets: \[for s in presentSecrets: \{\s*name: s\.key\s*keyVaultUrl: '\$\{vault\.properties\.vaultUri\}secrets\/\$\{s\.key\}'\s*identity: identity\.id/,
    );
    expect(bicep).toMatch(/enableRbacAuthorization: true/);
    const outputs = [...bicep.matchAll(/^output (\w+) string = (.+)$/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(outputs.length).toBeGreaterThan(0);
    for (const o of outputs) for (const s of secure) expect(o).not.toContain(s ?? '');
    // Every variable the app reads from a secret is one Nabo knows (deploy/.env.example).
    const example = read('.env.example');
    for (const m of bicep.matchAll(/\{ name: '(\w+)', (?:secretRef|value): /g))
      expect({ variable: m[1], documented: example.includes(`${m[1]}=`) }).toEqual({ variable: m[1], documented: true });
  });

  test('probes /healthz for liveness and /readyz for readiness, with two replicas and time for a graceful stop', () => {
    expect(bicep).toMatch(/type: 'Liveness'\s*httpGet: \{ path: '\/healthz', port: 3978 \}/);
    expect(bicep).toMatch(/type: 'Readiness'\s*httpGet: \{ path: '\/readyz', port: 3978 \}/);
    expect(bicep).toMatch(/param minReplicas int = 2/);
    expect(bicep).toMatch(/terminationGracePeriodSeconds: 30/);
    const params = JSON.parse(read('azure', 'main.parameters.example.json')) as { parameters: Record<string, unknown> };
    const declared = [...bicep.matchAll(/^param (\w+) /gm)].map((m) => m[1]);
    for (const p of Object.keys(params.parameters)) expect(declared).toContain(p);
  });
});
