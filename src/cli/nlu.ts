/**
 * `npm run nlu -- [--lang da] [--now 2026-11-24T10:00:00Z] "fællesspisning på torsdag for 2 voksne"`:
 * what the free-text reader understands from one message, as JSON, with the best-matching activity
 * of the plan files in prisma/plans (names, aliases and translated titles, normalised the way the
 * plan importer stores them). For checking and tuning the lexicons by hand; touches no database.
 */
import { join } from 'node:path';
import { matchActivities } from '../catalogue/activity-matcher';
import { decide } from '../nlu/decision';
import { understand } from '../nlu/reader';
import { LANGUAGES, type Language, type PlanFile, type SubActivityInput } from '../plan-data/plan-file';
import { loadPlanFile, PlanFileError, planFilesIn } from '../plan-data/plan-loader';
import { normalizeText } from '../text/normalize';

const PLANS_DIR = join(__dirname, '..', '..', 'prisma', 'plans');
const USAGE = `usage: npm run nlu -- [--lang ${LANGUAGES.join('|')}] [--now ISO-INSTANT] "message"`;

interface Args {
  language: Language;
  now: Date;
  text: string;
}

/** Parses the command line; returns an error message instead of throwing. */
export function parseArgs(argv: readonly string[]): Args | { error: string } {
  let language: string = 'da';
  let now = new Date();
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--lang' || a === '--now') {
      const v = argv[++i];
      if (v === undefined) return { error: `${a} needs a value\n${USAGE}` };
      if (a === '--lang') language = v;
      else {
        now = new Date(v);
        if (Number.isNaN(now.getTime())) return { error: `--now: not a date and time: ${v}` };
      }
    } else if (a.startsWith('--lang=')) language = a.slice('--lang='.length);
    else if (a === '--help' || a === '-h') return { error: USAGE };
    else words.push(a);
  }
  if (!(LANGUAGES as readonly string[]).includes(language)) return { error: `unknown language "${language}"; the languages are: ${LANGUAGES.join(', ')}` };
  const text = words.join(' ');
  if (!text.trim()) return { error: USAGE };
  return { language: language as Language, now, text };
}

interface PlanActivity {
  id: string;
  key: string;
  name: string;
  plan: string;
  aliases: string;
}

// The same alias string plan-importer.ts stores: normalised name, aliases and titles, "|"-joined.
function aliasesOf(a: Pick<SubActivityInput, 'name' | 'aliases' | 'titles'>): string {
  return [...new Set([a.name, ...a.aliases, ...Object.values(a.titles)].map(normalizeText).filter(Boolean))].join('|');
}

function activitiesOf(plan: PlanFile): PlanActivity[] {
  return plan.focusAreas.flatMap((fa) =>
    fa.activities
      .flatMap((a) => [a, ...a.subActivities])
      .map((a) => ({ id: `${plan.key}/${a.key}`, key: a.key, name: a.name, plan: plan.key, aliases: aliasesOf(a) })),
  );
}

function main(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if ('error' in args) {
    console.error(args.error);
    return 2;
  }
  let activities: PlanActivity[];
  try {
    activities = planFilesIn(PLANS_DIR).map(loadPlanFile).flatMap(activitiesOf);
  } catch (err) {
    console.error(err instanceof PlanFileError ? err.message : String(err));
    return 1;
  }
  const u = understand(args.text, args.language, args.now);
  const best = u.details.activityText ? matchActivities(u.details.activityText, activities)[0] : undefined;
  const activity = best ? { key: best.activity.key, name: best.activity.name, plan: best.activity.plan, score: best.score } : undefined;
  console.log(
    JSON.stringify(
      { intent: u.intent, confidence: u.confidence, decision: decide(u), alternatives: u.alternatives, details: u.details, ...(activity ? { activity } : {}) },
      null,
      2,
    ),
  );
  return 0;
}

if (require.main === module) process.exit(main(process.argv.slice(2)));
