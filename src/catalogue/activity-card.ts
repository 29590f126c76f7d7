/**
 * How an activity reads for one reader: its title and summary in the reader's language (Danish
 * fallback, marked as such), its target groups and contact roles through the plan's glossary, and
 * its price. Residents see the plan's friendly Danish title where it has one; staff see its name.
 */
import type { Category, Glossary, Language } from '../plan-data/plan-file';
import { term } from './glossary';

/** An activity in the reader's language. */
export interface ActivityCard {
  id: string;
  key: string;
  planId: string;
  parentId: string | null;
  category: Category;
  title: string;
  summary: string | null;
  /** True when title/summary are the Danish text because no translation exists. */
  fallback: boolean;
  /** True when the summary shown is the Danish one (no summary in the reader's language). */
  summaryInDanish: boolean;
  signupRequired: boolean;
  /** Labels in the reader's language; `inDanish` when the glossary has no translation. */
  targetGroups: { label: string; inDanish: boolean; minAge: number | null; maxAge: number | null }[];
  /** Contact roles in the reader's language, as target groups. */
  responsible: { label: string; inDanish: boolean }[];
  partners: string[];
  /** Whole kroner per adult / per child; 0 = free; null = the plan does not say. */
  priceAdults: number | null;
  priceChildren: number | null;
}

/** An upcoming event in the reader's language. */
export interface EventCard {
  id: string;
  activity: ActivityCard;
  title: string;
  startsAt: Date;
  endsAt: Date;
  /** Name and address through the glossary (places it does not know are proper names, shown as written). */
  location: { name: string; address: string; housingAreaId: string | null } | null;
  capacity: number | null;
  placesLeft: number | null;
  status: string;
  isDemo: boolean;
}

/** An activity as read from the database, with the translations activityCard may use. */
export type ActivityRow = {
  id: string;
  key: string;
  planId: string;
  parentId: string | null;
  category: string;
  name: string;
  summary: string | null;
  aliases: string;
  signupRequired: boolean;
  responsible: string;
  partners: string;
  priceAdults: number | null;
  priceChildren: number | null;
  targetGroups: { label: string; minAge: number | null; maxAge: number | null }[];
  /** At least the reader's language and Danish ("da": the friendly resident name), where they exist. */
  translations: { language: string; title: string; summary: string | null }[];
};

/** Who reads: residents get the friendly Danish title; staff the plan's own name. */
export interface CardOptions {
  glossary?: Glossary;
  forResidents?: boolean;
}

/** The activity in `language`, falling back to Danish. */
export function activityCard(a: ActivityRow, language: Language, options: CardOptions = {}): ActivityCard {
  const glossary = options.glossary ?? {};
  const friendly = options.forResidents ? a.translations.find((x) => x.language === 'da')?.title : undefined;
  const danishTitle = friendly ?? a.name;
  const t = language === 'da' ? undefined : a.translations.find((x) => x.language === language);
  return {
    id: a.id,
    key: a.key,
    planId: a.planId,
    parentId: a.parentId,
    category: a.category as Category,
    title: t?.title ?? danishTitle,
    summary: t ? (t.summary ?? a.summary) : a.summary,
    fallback: language !== 'da' && !t,
    summaryInDanish: language !== 'da' && a.summary !== null && !t?.summary,
    signupRequired: a.signupRequired,
    targetGroups: a.targetGroups.map((g) => {
      const shown = term(glossary, g.label, language);
      return { label: shown.text, inDanish: shown.inDanish, minAge: g.minAge, maxAge: g.maxAge };
    }),
    responsible: (JSON.parse(a.responsible) as string[]).map((r) => {
      const shown = term(glossary, r, language);
      return { label: shown.text, inDanish: shown.inDanish };
    }),
    partners: JSON.parse(a.partners) as string[],
    priceAdults: a.priceAdults,
    priceChildren: a.priceChildren,
  };
}
