/**
 * Finds activities by what people type ("spisning", "fælles spisning", "mødregrupperne",
 * "homework club"): names, aliases and translated titles, normalised. Pure and in memory: a plan
 * has tens of activities, not thousands.
 */
import { compactText, normalizeText } from '../text/normalize';

/** The searchable words of one activity ("|"-separated normalised aliases, as stored). */
export interface MatchableActivity {
  id: string;
  aliases: string;
}

/** Scores how well `query` names the activity: 0 = not at all, 100 = exactly. */
export function matchScore(query: string, activity: MatchableActivity): number {
  const q = normalizeText(query);
  if (!q) return 0;
  const qc = q.replace(/ /g, '');
  let best = 0;
  for (const alias of activity.aliases.split('|')) {
    if (!alias) continue;
    const ac = alias.replace(/ /g, '');
    if (ac === qc) return 100;
    // Danish definite and plural endings: "mødregrupperne" names "mødregruppe".
    if (qc.length >= 5 && ac.length >= 5 && (qc.startsWith(ac) || ac.startsWith(qc))) best = Math.max(best, 80);
    else if (ac.length >= 4 && qc.includes(ac)) best = Math.max(best, 70);
    else if (qc.length >= 4 && ac.includes(qc)) best = Math.max(best, 60);
    else {
      const words = q.split(' ').filter((w) => w.length >= 4);
      const hits = words.filter((w) => alias.includes(w) || (w.length >= 6 && inAlias(alias, w.slice(0, -2))));
      if (hits.length) best = Math.max(best, 30 + 20 * (hits.length / words.length));
    }
  }
  return best;
}

/**
 * Whether `stem` stands in the alias as a word's start read across the spaces after it ("fællesspisningen" meets
 * "fælles spisning") or inside one word (the tail of a compound), never across the break after a word it began
 * inside ("levering" does not meet "elever i").
 */
function inAlias(alias: string, stem: string): boolean {
  const words = alias.split(' ');
  return words.some((w, i) => w.includes(stem) || words.slice(i).join('').startsWith(stem));
}

/** Activities matching `query`, best first, above a minimal score. */
export function matchActivities<T extends MatchableActivity>(query: string, activities: readonly T[], minScore = 40): { activity: T; score: number }[] {
  if (!compactText(query)) return [];
  return activities
    .map((activity) => ({ activity, score: matchScore(query, activity) }))
    .filter((m) => m.score >= minScore)
    .sort((a, b) => b.score - a.score);
}
