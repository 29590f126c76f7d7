/**
 * Text-message spellings residents type on a phone: "u" for "you", "pls", "2morrow", "tmrw",
 * "wanna". A token spelled so also reads as the full word (added to its forms, the typed form
 * first), so the lexicons need not list every shorthand next to every phrase it may stand in.
 */
import type { Language } from '../plan-data/plan-file';
import type { Token } from './text';

const SHORT: Partial<Record<Language, Readonly<Record<string, readonly string[]>>>> = {
  en: {
    u: ['you'],
    ya: ['you'],
    ur: ['your'],
    r: ['are'],
    pls: ['please'],
    plz: ['please'],
    plss: ['please'],
    '2day': ['today'],
    '2nite': ['tonight'],
    tonite: ['tonight'],
    '2morrow': ['tomorrow'],
    '2moro': ['tomorrow'],
    '2mrw': ['tomorrow'],
    tmrw: ['tomorrow'],
    tmr: ['tomorrow'],
    tmw: ['tomorrow'],
    tomoz: ['tomorrow'],
    tomorow: ['tomorrow'],
    tommorow: ['tomorrow'],
    tommorrow: ['tomorrow'],
    wknd: ['weekend'],
    wkend: ['weekend'],
    wanna: ['want'],
    gonna: ['going'],
    info: ['information'],
    wat: ['what'],
    wats: ['whats'],
    whats: ['what'],
    cya: ['bye'],
    thx: ['thanks'],
    ty: ['thanks'],
    nite: ['night'],
  },
  da: {
    ik: ['ikke'],
    ikk: ['ikke'],
    imorgen: ['morgen'],
    mvh: ['hilsen'],
    vh: ['hilsen'],
    info: ['information', 'oplysninger'],
  },
};

/** Adds the full words a shorthand token stands for to its forms. */
export function expandShorthand(tokens: readonly Token[], language: Language): void {
  const table = SHORT[language];
  if (!table) return;
  for (const t of tokens) {
    if (t.kind === 'number') continue;
    const full = table[t.norm];
    if (full) for (const f of full) if (!t.forms.includes(f)) t.forms.push(f);
  }
}
