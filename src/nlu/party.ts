/**
 * A party told by who comes rather than by numbers: "mig og min mand" (two adults), "انا ومرتي وولدين"
 * (two adults; the dual counts the children), "ben ve eşim ve oğlum" (two adults, a child), "я з
 * чоловіком" (two adults). Only when the speaker names themselves, who counts as one adult; each
 * relative or friend named with "my" counts as one adult or one child. Only for a sign-up that counted no
 * adults in numbers: a number said outright always wins.
 */
import type { Language } from '../plan-data/plan-file';
import { fold, wordForms, type Token } from './text';

interface PartyWords {
  /** The speaker: "jeg", "mig", "انا". */
  self: readonly string[];
  /** Words for "my" that must stand just before a relative where the language writes it apart ("min mand", "my wife"). */
  my?: readonly string[];
  adults: readonly string[];
  /** Words that are two adults ("forældre", "parents"). */
  pairs?: readonly string[];
  children: readonly string[];
}

// Relatives with "my" written onto the word (Arabic, Turkish, Persian, Sorani, Somali) need no `my`.
const WORDS: Record<Language, PartyWords> = {
  da: {
    self: ['jeg', 'mig'],
    my: ['min', 'mit', 'mine'],
    adults: [
      'mand',
      'kone',
      'hustru',
      'kæreste',
      'partner',
      'mor',
      'far',
      'mormor',
      'farmor',
      'morfar',
      'farfar',
      'svigermor',
      'svigerfar',
      'søster',
      'bror',
      'veninde',
      'ven',
      'nabo',
      'moster',
      'faster',
      'onkel',
    ],
    pairs: ['forældre', 'svigerforældre', 'bedsteforældre'],
    children: ['søn', 'datter', 'dreng', 'pige', 'baby', 'barn', 'lille'],
  },
  en: {
    self: ['i', 'me', 'myself'],
    my: ['my'],
    adults: [
      'husband',
      'wife',
      'partner',
      'mum',
      'mom',
      'mother',
      'dad',
      'father',
      'sister',
      'brother',
      'friend',
      'neighbour',
      'neighbor',
      'grandma',
      'grandmother',
      'grandpa',
      'grandfather',
      'boyfriend',
      'girlfriend',
      'aunt',
      'uncle',
    ],
    pairs: ['parents', 'grandparents', 'in-laws'],
    children: ['son', 'daughter', 'boy', 'girl', 'baby', 'kid', 'child'],
  },
  ar: {
    self: ['انا', 'أنا'],
    adults: [
      'زوجي',
      'زوجتي',
      'مرتي',
      'جوزي',
      'امي',
      'أمي',
      'ابوي',
      'أبوي',
      'ابي',
      'أبي',
      'اختي',
      'أختي',
      'اخوي',
      'أخوي',
      'اخي',
      'أخي',
      'صاحبي',
      'صاحبتي',
      'صديقي',
      'صديقتي',
      'جاري',
      'جارتي',
      'حماتي',
      'خالتي',
      'عمتي',
    ],
    children: ['ابني', 'إبني', 'بنتي', 'ولدي', 'طفلي', 'طفلتي', 'بنوتي'],
  },
  tr: {
    self: ['ben', 'beni'],
    adults: [
      'eşim',
      'esim',
      'kocam',
      'karım',
      'karim',
      'annem',
      'babam',
      'kardeşim',
      'kardesim',
      'ablam',
      'abim',
      'arkadaşım',
      'arkadasim',
      'komşum',
      'komsum',
      'teyzem',
      'halam',
    ],
    children: ['oğlum', 'oglum', 'kızım', 'kizim', 'çocuğum', 'cocugum', 'bebeğim', 'bebegim'],
  },
  uk: {
    // "ми з подругою" (my friend and I): the speaker inside the we.
    self: ['я', 'мене', 'ми'],
    my: ['мій', 'моя', 'моїм', 'моєю', 'з', 'із', 'зі'],
    adults: [
      'чоловік',
      'чоловіком',
      'дружина',
      'дружиною',
      'мама',
      'мамою',
      'тато',
      'татом',
      'сестра',
      'сестрою',
      'брат',
      'братом',
      'подруга',
      'подругою',
      'друг',
      'другом',
      'сусід',
      'сусідом',
      'сусідка',
      'сусідкою',
      'бабуся',
      'бабусею',
    ],
    children: ['син', 'сином', 'донька', 'донькою', 'дочка', 'дочкою', 'дитина', 'дитиною'],
  },
  fa: {
    self: ['من', 'خودم'],
    adults: ['شوهرم', 'خانمم', 'همسرم', 'زنم', 'مادرم', 'پدرم', 'خواهرم', 'برادرم', 'دوستم', 'همسایه‌ام', 'همسایم', 'مادر‌شوهرم', 'خاله‌ام'],
    children: ['پسرم', 'دخترم', 'بچه‌ام', 'بچم'],
  },
  ckb: {
    self: ['من', 'خۆم'],
    adults: ['مێردەکەم', 'مێردەکم', 'ژنەکەم', 'ژنەکم', 'هاوسەرەکەم', 'هاوسەرم', 'دایکم', 'باوکم', 'خوشکم', 'براکەم', 'برام', 'هاوڕێکەم', 'هاوڕێم', 'دراوسێکەم'],
    children: ['کوڕەکەم', 'کوڕم', 'کچەکەم', 'کچم', 'منداڵەکەم', 'منداڵم'],
  },
  so: {
    self: ['aniga', 'anigu', 'ani'],
    adults: [
      'ninkayga',
      'xaaskayga',
      'xaaskeyga',
      'hooyaday',
      'hooyadey',
      'aabahay',
      'aabbahay',
      'walaashay',
      'walaalkay',
      'saaxiibkay',
      'saaxiibtay',
      'saaxiibtey',
      'saaxiibkey',
      'saaxiibadday',
      'deriskayga',
    ],
    children: ['wiilkayga', 'wiilkeyga', 'gabadhayda', 'gabadheyda', 'ilmahayga', 'ilmaheyga'],
  },
};

interface Folded {
  self: Set<string>;
  my: Set<string> | null;
  adults: Set<string>;
  pairs: Set<string>;
  children: Set<string>;
  /** The speaker's own children: "my" words, plural children words after them, and words with "my" written on. */
  own: { my: Set<string>; plural: Set<string>; owned: Set<string> };
}

const folded = new Map<Language, Folded>();
const set = (words: readonly string[] = []): Set<string> => new Set(words.map(fold));

function wordsFor(language: Language): Folded {
  let f = folded.get(language);
  if (!f) {
    const w = WORDS[language];
    const o = OWN_CHILDREN[language];
    folded.set(
      language,
      (f = {
        self: set(w.self),
        my: w.my ? set(w.my) : null,
        adults: set(w.adults),
        pairs: set(w.pairs),
        children: set(w.children),
        own: { my: set(o.my), plural: set(o.plural), owned: set(o.owned) },
      }),
    );
  }
  return f;
}

/** The adults and children a message names by who they are, or nothing when it names no one but perhaps the speaker. */
export function partyOf(tokens: readonly Token[], language: Language): { adults: number; children: number } | undefined {
  const w = wordsFor(language);
  let self = false;
  let adults = 0;
  let children = 0;
  tokens.forEach((t, i) => {
    if (t.kind !== 'word') return;
    const forms = wordForms(t);
    if (forms.some((f) => w.self.has(f))) self = true;
    // Where "my" is a word of its own, the relative must follow it ("min mand", not "mand" in "mandag" or "manden fra kontoret").
    const mine = w.my === null || w.my.has(tokens[i - 1]?.norm ?? '');
    if (!mine) return;
    if (forms.some((f) => w.adults.has(f))) adults += 1;
    else if (forms.some((f) => w.pairs.has(f))) adults += 2;
    else if (forms.some((f) => w.children.has(f))) children += 1;
  });
  // Only with the speaker named ("mig og min mand"): "tilmeld min mand" may be for him alone or for both, and is asked.
  if (!self || (adults === 0 && children === 0)) return undefined;
  return { adults: adults + 1, children };
}

/**
 * The words that tell who comes ("me and my friend", "ژنەکەم", "подругою"): they name no activity, so an activity text of
 * only these beside the dinner named in the request's own words is the dinner all the same.
 */
export function partyWordsOf(tokens: readonly Token[], language: Language): Set<number> {
  const w = wordsFor(language);
  const out = new Set<number>();
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    const forms = wordForms(t);
    const has = (s: Set<string>): boolean => forms.some((f) => s.has(f));
    if (has(w.self) || (w.my !== null && has(w.my)) || has(w.adults) || has(w.pairs) || has(w.children)) out.add(t.index);
  }
  return out;
}

/**
 * The speaker's own children, said with "my" ("mine tre børn", "my two sons", "بناتي الثلاثة", "çocuklarımla"): a word for
 * children with "my" before it (in a word or two, a number between) or written onto it.
 */
const OWN_CHILDREN: Record<Language, { my: readonly string[]; plural: readonly string[]; owned: readonly string[] }> = {
  da: { my: ['mine', 'vores'], plural: ['børn', 'sønner', 'døtre', 'drenge', 'piger', 'unger'], owned: [] },
  en: { my: ['my', 'our'], plural: ['children', 'kids', 'sons', 'daughters', 'boys', 'girls'], owned: [] },
  ar: { my: [], plural: [], owned: ['بناتي', 'ولادي', 'اولادي', 'أولادي', 'اطفالي', 'أطفالي', 'عيالي', 'wladi', 'wlade'] },
  tr: { my: [], plural: [], owned: ['çocuklarım', 'çocuklarımla', 'cocuklarim', 'cocuklarimla', 'çocuğumla', 'oğullarım', 'kızlarım'] },
  uk: { my: ['моїми', 'мої', 'моїх'], plural: ['дітьми', 'діти', 'дітей', 'синами', 'доньками'], owned: [] },
  fa: { my: [], plural: [], owned: ['بچه‌هام', 'بچه‌هایم', 'بچه‌هایم', 'بچه‌ها‌یم', 'بچه‌هامو', 'اطفالم', 'فرزندانم', 'بچهام'] },
  ckb: { my: [], plural: [], owned: ['منداڵەکانم', 'منداڵەکانمان', 'کچەکانم', 'کوڕەکانم'] },
  so: { my: [], plural: [], owned: ['carruurtayda', 'caruurtayda', 'carruurteyda', 'ilmahayga', 'ilmaheyga'] },
};

/** Whether the speaker names themselves and their own children ("jeg … sammen med mine tre børn", "أنا وبناتي الثلاثة"). */
export function speakerWithOwnChildren(tokens: readonly Token[], language: Language): boolean {
  const { self, own } = wordsFor(language);
  if (!tokens.some((t) => t.kind === 'word' && wordForms(t).some((f) => self.has(f)))) return false;
  return tokens.some((t, i) => {
    if (t.kind !== 'word') return false;
    const forms = wordForms(t);
    if (forms.some((f) => own.owned.has(f))) return true;
    if (!forms.some((f) => own.plural.has(f))) return false;
    return [tokens[i - 1], tokens[i - 2]].some((b) => b !== undefined && own.my.has(b.norm));
  });
}
