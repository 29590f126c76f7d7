/** Reads and validates plan files (prisma/plans/*.json). */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { planFileSchema, type PlanFile } from './plan-file';

/** A plan file that failed validation, with every problem listed. */
export class PlanFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${basename(file)} is not a valid plan file:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PlanFileError';
  }
}

/** Validates already-parsed JSON as a plan, checking keys are unique and references resolve. */
export function parsePlan(data: unknown, file = 'plan'): PlanFile {
  const r = planFileSchema.safeParse(data);
  if (!r.success)
    throw new PlanFileError(
      file,
      r.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`),
    );
  const plan = r.data;
  const problems: string[] = [];
  // The importer updates by key, so a repeated key would silently overwrite its twin.
  const repeated = (what: string, keys: string[]): void => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(`${what} key "${k}" is used twice`);
      seen.add(k);
    }
  };
  repeated(
    'housing area',
    plan.housingAreas.map((h) => h.key),
  );
  repeated(
    'location',
    plan.locations.map((l) => l.key),
  );
  repeated(
    'focus area',
    plan.focusAreas.map((f) => f.key),
  );
  for (const fa of plan.focusAreas)
    repeated(
      `indicator (in ${fa.key})`,
      fa.indicators.map((i) => i.key),
    );
  const activityKeys = new Set<string>();
  for (const fa of plan.focusAreas) {
    for (const a of fa.activities) {
      for (const act of [a, ...a.subActivities]) {
        if (activityKeys.has(act.key)) problems.push(`activity key "${act.key}" is used twice`);
        activityKeys.add(act.key);
        const targetKeys = new Set(act.targets.map((t) => t.key));
        if (targetKeys.size !== act.targets.length) problems.push(`activity "${act.key}" has two targets with one key`);
      }
    }
  }
  const areaKeys = new Set(plan.housingAreas.map((h) => h.key));
  for (const l of plan.locations) {
    if (l.housingArea && !areaKeys.has(l.housingArea)) problems.push(`location "${l.key}" names unknown housing area "${l.housingArea}"`);
  }
  for (const [i, d] of plan.historicalDeliveries.entries()) {
    if (!activityKeys.has(d.activity)) problems.push(`historicalDeliveries.${i}: unknown activity "${d.activity}"`);
    if (d.date < plan.startDate) problems.push(`historicalDeliveries.${i}: date ${d.date} is before the plan starts`);
  }
  if (problems.length) throw new PlanFileError(file, problems);
  return plan;
}

/** Reads and validates one plan file. */
export function loadPlanFile(file: string): PlanFile {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new PlanFileError(file, [`cannot read JSON: ${(err as Error).message}`]);
  }
  return parsePlan(data, file);
}

/** The plan files in a folder, in name order. */
export function planFilesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}
