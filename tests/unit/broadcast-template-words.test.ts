/** The words that save, list and use broadcast templates, and the ones that only mention a template in the message. */
import { saveTemplateWords, useTemplateWords } from '../../src/flows/staff/broadcast-template-steps';

test('saving: "gem som skabelon: navn" gives the name; without a name, an empty one; other words nothing', () => {
  expect(saveTemplateWords('gem som skabelon: fællesspisning-påmindelse')).toBe('fællesspisning-påmindelse');
  expect(saveTemplateWords('Gem skabelon lektiehjælp')).toBe('lektiehjælp');
  expect(saveTemplateWords('gem som skabelon')).toBe('');
  expect(saveTemplateWords('save as template: dinner')).toBe('dinner');
  expect(saveTemplateWords('send til alle: gem som skabelon')).toBeNull();
});

test('using: a name after "skabelon", the list for "skabeloner", nothing when the text only mentions one', () => {
  expect(useTemplateWords('skabeloner')).toBe('');
  expect(useTemplateWords('send skabelon fællesspisning-påmindelse')).toBe('fællesspisning-påmindelse');
  expect(useTemplateWords('skabelon: fællesspisning-påmindelse')).toBe('fællesspisning-påmindelse');
  expect(useTemplateWords('send til alle om fællesspisning: husk skabelonen')).toBeNull();
  expect(useTemplateWords('send til alle i Vangdalen: Strikkecafé på torsdag')).toBeNull();
});
