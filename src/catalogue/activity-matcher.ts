/**
 * Finds activities by what people type ("spisning", "fælles spisning", "mødregrupperne",
 * "homework club"): names, aliases and translated titles, normalised. Pure and in memory: a plan
 * has tens of activities, not thousands. The query is normalised once per search and each stored
 * alias list is split once (and remembered), not once per activity and turn: a staff turn that
 * names an activity searches the whole plan.
 */
import { normalizeText } from '../text/normalize';

/** The searchable words of one activity ("|"-separated normalised aliases, as stored). */
export interface MatchableActivity {
  id: string;
  aliases: string;
}

/** One normalised query, ready to be scored against many activities. */
interface PreparedQuery {
  /** Normalised, words separated by single spaces. */
  q: string;
  /** Without spaces. */
  qc: string;
  /** Its words of four letters or more. */
  words: string[];
}

/** One alias: as stored, without spaces, its words, and each word joined with the words after it. */
interface PreparedAlias {
  alias: string;
  ac: string;
  words: string[];
  tails: string[];
}

const aliasCache = new Map<string, PreparedAlias[]>();
/** Plans change rarely; the cap only keeps a long-lived process from growing with every edit. */
const ALIAS_CACHE_LIMIT = 5000;

function prepareAliases(aliases: string): PreparedAlias[] {
  let prepared = aliasCache.get(aliases);
  if (prepared) return prepared;
  prepared = aliases
    .split('|')
    .filter((alias) => alias !== '')
    .map((alias) => {
      const words = alias.split(' ');
      return { alias, ac: alias.replace(/ /g, ''), words, tails: words.map((_, i) => words.slice(i).join('')) };
    });
  if (aliasCache.size >= ALIAS_CACHE_LIMIT) aliasCache.clear();
  aliasCache.set(aliases, prepared);
  return prepared;
}

function prepareQuery(query: string): PreparedQuery | undefined {
  const q = normalizeText(query);
  if (!q) return undefined;
  return { q, qc: q.replace(/ /g, ''), words: q.split(' ').filter((w) => w.length >= 4) };
}

function scorePrepared({ qc, words }: PreparedQuery, activity: MatchableActivity): number {
  let best = 0;
  for (const { alias, ac, words: aliasWords, tails } of prepareAliases(activity.aliases)) {
    if (ac === qc) return 100;
    // Danish definite and plural endings: "mødregrupperne" names "mødregruppe".
    if (qc.length >= 5 && ac.length >= 5 && (qc.startsWith(ac) || ac.startsWith(qc))) best = Math.max(best, 80);
    else if (ac.length >= 4 && qc.includes(ac)) best = Math.max(best, 70);
    else if (qc.length >= 4 && ac.includes(qc)) best = Math.max(best, 60);
    else if (words.length > 0) {
      let hits = 0;
      for (const w of words) if (alias.includes(w) || (w.length >= 6 && inAlias(ac, aliasWords, tails, w.slice(0, -2)))) hits++;
      if (hits) best = Math.max(best, 30 + 20 * (hits / words.length));
    }
  }
  return best;
}

/** Scores how well `query` names the activity: 0 = not at all, 100 = exactly. */
export function matchScore(query: string, activity: MatchableActivity): number {
  const prepared = prepareQuery(query);
  return prepared ? scorePrepared(prepared, activity) : 0;
}

/**
 * Whether `stem` stands in the alias as a word's start read across the spaces after it ("fællesspisningen" meets
 * "fælles spisning") or inside one word (the tail of a compound), never across the break after a word it began
 * inside ("levering" does not meet "elever i").
 */
function inAlias(compact: string, words: readonly string[], tails: readonly string[], stem: string): boolean {
  // Every word and every tail is a part of the alias without spaces: most aliases fail here at once.
  if (!compact.includes(stem)) return false;
  for (let i = 0; i < words.length; i++) if ((words[i] as string).includes(stem) || (tails[i] as string).startsWith(stem)) return true;
  return false;
}

/** Activities matching `query`, best first, above a minimal score. */
export function matchActivities<T extends MatchableActivity>(query: string, activities: readonly T[], minScore = 40): { activity: T; score: number }[] {
  const prepared = prepareQuery(query);
  if (!prepared || !prepared.qc) return [];
  const out: { activity: T; score: number }[] = [];
  for (const activity of activities) {
    const score = scorePrepared(prepared, activity);
    if (score >= minScore) out.push({ activity, score });
  }
  return out.sort((a, b) => b.score - a.score);
}
