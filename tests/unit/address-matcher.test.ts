/**
 * Address → housing area with the real street rules of the 2017-21 plan (prisma/plans), which copy
 * the address list of the Helhedsplan (001 l.44-66):
 *
 *   Vangdalsparken: Rørhaven, Sivhaven, Basthaven, Bambushaven, Græshaven, Ved Byskellet (ulige numre)
 *   Området omkring Glarbjergvej: Falkevej, Glarbjergvej 88-156 (kun lige numre) + 109-111,
 *     Nørrebrogade 96-182 (kun lige numre), Hadsundvej 85-93 (kun ulige numre), Infanterivej 1-31 (kun ulige
 *     numre), Glentevej 1-9 (kun ulige numre), Brigadevej 1-21 (kun ulige numre)
 *   Gl. Jennumparken: Flyvervej, Husarvej (alle ulige numre og lige numre 2-40), Gl. Jennumvej (kun lige
 *     numre), Kompagnivej, Garnisonsvej (ulige numre 1-3, 7-35 og lige numre 30-40)
 */
import { join } from 'node:path';
import { matchAddress, parseAddress, streetKey, type AddressMatch, type AreaStreetRule } from '../../src/areas/address-matcher';
import { PROJECT_ROOT } from '../../src/config/config';
import { loadPlanFile } from '../../src/plan-data/plan-loader';

const PLAN = loadPlanFile(join(PROJECT_ROOT, 'prisma', 'plans', 'randers-nordby-2017-21.json'));

/** The rules as the importer stores them: street key, parity, range, and the housing area's key as its id. */
const RULES: AreaStreetRule[] = PLAN.housingAreas.flatMap((h) =>
  h.streetRules.map((r) => ({ areaId: h.key, streetKey: streetKey(r.street), parity: r.parity, from: r.from ?? null, to: r.to ?? null })),
);

const JENNUM = 'gl-jennumparken';
const GLARBJERG = 'glarbjergvej';
const VANGDAL = 'vangdalsparken';

/** Where an address lands: the area key, 'outside', 'need_number' or 'unreadable'. */
function where(address: string): string {
  const m: AddressMatch = matchAddress(address, RULES);
  return m.kind === 'inside' ? m.areaId : m.kind;
}

test('the plan has the three housing areas these tests name', () => {
  expect(PLAN.housingAreas.map((h) => h.key).sort()).toEqual([GLARBJERG, JENNUM, VANGDAL].sort());
});

describe('Gl. Jennumparken', () => {
  test.each([
    // "Husarvej (alle ulige numre og lige numre 2-40)"
    ['Husarvej 2', JENNUM],
    ['Husarvej 12', JENNUM],
    ['Husarvej 40', JENNUM],
    ['Husarvej 42', 'outside'],
    ['Husarvej 1', JENNUM],
    ['Husarvej 43', JENNUM],
    ['Husarvej 101', JENNUM],
    // "Gl. Jennumvej (kun lige numre)", however "Gl." is written
    ['Gl. Jennumvej 4', JENNUM],
    ['Gammel Jennumvej 4', JENNUM],
    ['gl jennumvej 4', JENNUM],
    ['Gml. Jennumvej 4', JENNUM],
    ['Gl.Jennumvej 4', JENNUM],
    ['Gl. Jennumvej 5', 'outside'],
    // "Flyvervej", "Kompagnivej": every number
    ['Flyvervej 5', JENNUM],
    ['Kompagnivej 17', JENNUM],
    // "Garnisonsvej (ulige numre 1-3, 7-35 og lige numre 30-40)"
    ['Garnisonsvej 1', JENNUM],
    ['Garnisonsvej 3', JENNUM],
    ['Garnisonsvej 5', 'outside'],
    ['Garnisonsvej 7', JENNUM],
    ['Garnisonsvej 35', JENNUM],
    ['Garnisonsvej 37', 'outside'],
    ['Garnisonsvej 28', 'outside'],
    ['Garnisonsvej 30', JENNUM],
    ['Garnisonsvej 40', JENNUM],
    ['Garnisonsvej 42', 'outside'],
  ])('%s → %s', (address, expected) => {
    expect(where(address)).toBe(expected);
  });
});

describe('Området omkring Glarbjergvej', () => {
  test.each([
    // "Glarbjergvej 88-156 (kun lige numre) + 109-111"
    ['Glarbjergvej 86', 'outside'],
    ['Glarbjergvej 88', GLARBJERG],
    ['Glarbjergvej 89', 'outside'],
    ['Glarbjergvej 90', GLARBJERG],
    ['Glarbjergvej 107', 'outside'],
    ['Glarbjergvej 109', GLARBJERG],
    ['Glarbjergvej 110', GLARBJERG],
    ['Glarbjergvej 111', GLARBJERG],
    ['Glarbjergvej 113', 'outside'],
    ['Glarbjergvej 156', GLARBJERG],
    ['Glarbjergvej 158', 'outside'],
    // "Nørrebrogade 96-182 (kun lige numre)"
    ['Nørrebrogade 94', 'outside'],
    ['Nørrebrogade 96', GLARBJERG],
    ['Nørrebrogade 97', 'outside'],
    ['Nørrebrogade 182', GLARBJERG],
    ['Nørrebrogade 184', 'outside'],
    // "Hadsundvej 85-93 (kun ulige numre)"
    ['Hadsundvej 83', 'outside'],
    ['Hadsundvej 85', GLARBJERG],
    ['Hadsundvej 86', 'outside'],
    ['Hadsundvej 93', GLARBJERG],
    ['Hadsundvej 95', 'outside'],
    // "Infanterivej 1-31", "Glentevej 1-9", "Brigadevej 1-21" (kun ulige numre)
    ['Infanterivej 31', GLARBJERG],
    ['Infanterivej 33', 'outside'],
    ['Infanterivej 2', 'outside'],
    ['Glentevej 9', GLARBJERG],
    ['Glentevej 11', 'outside'],
    ['Brigadevej 21', GLARBJERG],
    ['Brigadevej 20', 'outside'],
    // "Falkevej": every number
    ['Falkevej 3', GLARBJERG],
  ])('%s → %s', (address, expected) => {
    expect(where(address)).toBe(expected);
  });
});

describe('Vangdalsparken', () => {
  test.each([
    // "Ved Byskellet (ulige numre)"
    ['Ved Byskellet 3', VANGDAL],
    ['Ved Byskellet 4', 'outside'],
    ['ved byskellet 7', VANGDAL],
    // "Rørhaven", "Sivhaven", "Basthaven", "Bambushaven", "Græshaven"
    ['Rørhaven 7', VANGDAL],
    ['Sivhaven 2', VANGDAL],
    ['Basthaven 11', VANGDAL],
    ['Bambushaven 4', VANGDAL],
    ['Græshaven 9', VANGDAL],
  ])('%s → %s', (address, expected) => {
    expect(where(address)).toBe(expected);
  });

  // Decision: a resident who cannot type "ø" writes it the Danish way, "oe" (and "æ" as "ae"). normalizeText
  // spells æ/ø/å out as ae/oe/aa on both sides, so these meet the rule for "Rørhaven" – which is what we want.
  test.each([['rørhaven 7'], ['RØRHAVEN 7'], ['Roerhaven 7'], ['ROERHAVEN 7'], ['roerhaven 7'], ['Graeshaven 9'], ['Noerrebrogade 96']])(
    '%s is found however the ø/æ is written the Danish way',
    (address) => {
      expect(where(address)).not.toBe('outside');
      expect(where(address)).not.toBe('unreadable');
    },
  );

  // Not everyone knows the "oe" convention: on a keyboard without ø people drop the stroke ("Rorhaven") or reach for
  // the German/Turkish ö ("Rörhaven", "Nörrebrogade"). These residents live in the area and must be found, so
  // streetKey folds "oe", "ae" and "aa" to one letter.
  test.each([['Rorhaven 7'], ['Rörhaven 7'], ['Nörrebrogade 96'], ['Grashaven 9']])('%s is found although ø/æ is not spelled "oe"/"ae"', (address) => {
    expect(where(address)).not.toBe('outside');
  });
});

describe('what people type around the number', () => {
  test.each([
    ['Husarvej 12B'],
    ['Husarvej 12 b'],
    ['Husarvej 12, 2. th'],
    ['Husarvej 12, 2. th., 8930 Randers NØ'],
    ['Husarvej 12 st tv'],
    ['Husarvej 12 2. th'],
    ['  Husarvej   12 '],
    ['husarvej 12'],
    ['HUSARVEJ 12'],
    ['Husarvej 12.'],
  ])('%s → Gl. Jennumparken', (address) => {
    expect(where(address)).toBe(JENNUM);
  });

  // "nr." before the number is common Danish usage; the street key drops it.
  test.each([['Husarvej nr. 12'], ['Husarvej nummer 12']])('%s → Gl. Jennumparken', (address) => {
    expect(where(address)).toBe(JENNUM);
  });

  test('the match tells the street and number it read', () => {
    expect(matchAddress('Husarvej 12B, 8930 Randers NØ', RULES)).toEqual({ kind: 'inside', areaId: JENNUM, street: 'Husarvej', number: 12 });
    expect(matchAddress('Husarvej 42', RULES)).toEqual({ kind: 'outside', street: 'Husarvej', number: 42 });
  });
});

describe('without a house number', () => {
  test('a street wholly inside an area needs no number', () => {
    expect(matchAddress('Falkevej', RULES)).toEqual({ kind: 'inside', areaId: GLARBJERG, street: 'Falkevej', number: null });
    expect(where('Rørhaven')).toBe(VANGDAL);
    expect(where('Flyvervej')).toBe(JENNUM);
  });

  test('a street only partly inside asks for the number', () => {
    expect(matchAddress('Husarvej', RULES)).toEqual({ kind: 'need_number', street: 'Husarvej' });
    expect(where('Glarbjergvej')).toBe('need_number');
    expect(where('Gl. Jennumvej')).toBe('need_number'); // even numbers only
    expect(where('Ved Byskellet')).toBe('need_number'); // odd numbers only
    expect(where('Garnisonsvej')).toBe('need_number');
  });

  test('a street of no area is outside, number or not', () => {
    expect(where('Vestergade')).toBe('outside');
  });
});

describe('other streets and unreadable input', () => {
  test('a street no rule names is outside', () => {
    expect(matchAddress('Vestergade 3', RULES)).toEqual({ kind: 'outside', street: 'Vestergade', number: 3 });
    expect(where('Jennumvej 4')).toBe('outside'); // not "Gl. Jennumvej"
    expect(where('Glarbjergparken 90')).toBe('outside');
  });

  test.each([[''], ['   '], ['12'], ['!!!'], ['8930'], ['?'], ['12B']])('%j is unreadable', (address) => {
    expect(matchAddress(address, RULES)).toEqual({ kind: 'unreadable' });
  });

  test('no rules at all: every readable address is outside', () => {
    expect(matchAddress('Husarvej 12', [])).toEqual({ kind: 'outside', street: 'Husarvej', number: 12 });
  });
});

describe('parseAddress', () => {
  test.each([
    ['Husarvej 12', { street: 'Husarvej', number: 12 }],
    ['Husarvej 12B, 8930 Randers NØ', { street: 'Husarvej', number: 12 }],
    ['Husarvej 12 b', { street: 'Husarvej', number: 12 }],
    ['Husarvej 12, 2. th', { street: 'Husarvej', number: 12 }],
    ['  Husarvej   12 ', { street: 'Husarvej', number: 12 }],
    ['Gl. Jennumvej 4', { street: 'Gl. Jennumvej', number: 4 }],
    ['Gl.Jennumvej 4', { street: 'Gl. Jennumvej', number: 4 }],
    ['Ved   Byskellet 3', { street: 'Ved Byskellet', number: 3 }],
    ['Falkevej', { street: 'Falkevej', number: null }],
    ['Husarvej 12-14', { street: 'Husarvej', number: 12 }],
    ['Nørrebrogade 182', { street: 'Nørrebrogade', number: 182 }],
  ])('%j → %j', (text, expected) => {
    expect(parseAddress(text)).toEqual(expected);
  });

  test.each([[''], ['12'], ['!!!'], ['8930 Randers'], ['x 12']])('%j → null', (text) => {
    expect(parseAddress(text)).toBeNull();
  });
});

describe('streetKey', () => {
  test('lower case, Danish letters folded to one spelling, punctuation and extra spaces gone', () => {
    expect(streetKey('Husarvej')).toBe('husarvej');
    expect(streetKey('Rørhaven')).toBe('rorhaven');
    expect(streetKey('ROERHAVEN')).toBe('rorhaven');
    expect(streetKey('Græshaven')).toBe('grashaven');
    expect(streetKey('Nørrebrogade')).toBe('norrebrogade');
    expect(streetKey('  Ved   Byskellet ')).toBe('ved byskellet');
  });

  test('"Gl.", "Gl", "Gml." and "Gammel" are one word', () => {
    const key = 'gammel jennumvej';
    for (const s of ['Gl. Jennumvej', 'Gl.Jennumvej', 'gl jennumvej', 'Gml. Jennumvej', 'Gammel Jennumvej', 'GAMMEL JENNUMVEJ']) {
      expect({ s, key: streetKey(s) }).toEqual({ s, key });
    }
  });

  test('a street that merely begins with "gl" keeps its name', () => {
    expect(streetKey('Glarbjergvej')).toBe('glarbjergvej');
    expect(streetKey('Glentevej')).toBe('glentevej');
  });

  test('every street of the 2017-21 rules has a clean, non-empty key', () => {
    for (const h of PLAN.housingAreas) for (const r of h.streetRules) expect(streetKey(r.street)).toMatch(/^[a-z0-9]+(?: [a-z0-9]+)*$/);
  });
});
