/**
 * The plan's glossary: resident-facing translations of its Danish texts other than activity titles
 * (target groups, contact roles, counsellor labels, places), stored as JSON on the plan. A text the
 * glossary lacks in the reader's language is shown in Danish and marked "(på dansk)"; places are
 * proper names unless the glossary knows them, so an unknown place is shown as it is, unmarked.
 */
import { glossarySchema, type Glossary, type Language } from '../plan-data/plan-file';

/** A plan text as shown to a reader: translated, or Danish with `inDanish` set. */
export interface Term {
  text: string;
  inDanish: boolean;
}

/** The stored glossary; an unreadable one (written by hand in the database) counts as empty. */
export function parseGlossary(raw: string | null | undefined): Glossary {
  if (!raw) return {};
  try {
    const r = glossarySchema.safeParse(JSON.parse(raw));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
}

/** A Danish plan text in `language`: the glossary's translation, or the Danish text marked as such. */
export function term(glossary: Glossary, danish: string, language: Language): Term {
  if (language === 'da') return { text: danish, inDanish: false };
  const translated = glossary[danish]?.[language];
  return translated ? { text: translated, inDanish: false } : { text: danish, inDanish: true };
}

/**
 * A place's name or address, or a label shown where there is no room for the mark (a button, a
 * notice): translated when the glossary knows it, else as written (places are proper names).
 */
export function translatedOrAsWritten(glossary: Glossary, danish: string, language: Language): string {
  return language === 'da' ? danish : (glossary[danish]?.[language] ?? danish);
}

/** The term for a message: its text, followed by the "(på dansk)" mark (given translated) when it is Danish. */
export function shownTerm(t: Term, inDanishMark: string): string {
  return t.inDanish ? `${t.text} ${inDanishMark}` : t.text;
}
