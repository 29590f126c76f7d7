/**
 * The classifier's model cache (src/nlu/classifier.ts, NABO_CLASSIFIER_CACHE): a test run trains each language once and
 * later test files read the model back. What is read back must read messages exactly as the trained model does, and a
 * broken file must cost a training, not a wrong reading.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classify, resetClassifier } from '../../src/nlu/classifier';

const SENTENCES = ['jeg vil tilmelde mig fællesspisning på torsdag', 'hvad sker der i morgen', 'meld mig af'];

describe('the classifier model cache', () => {
  const before = process.env.NABO_CLASSIFIER_CACHE;
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nabo-cache-test-'));
    process.env.NABO_CLASSIFIER_CACHE = dir;
    resetClassifier();
  });
  afterEach(() => {
    process.env.NABO_CLASSIFIER_CACHE = before;
    resetClassifier();
    rmSync(dir, { recursive: true, force: true });
  });

  test('keeps the trained model and reads it back to the same opinions', () => {
    const trained = SENTENCES.map((s) => classify(s, 'da'));
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^da-[0-9a-f]{40}\.model$/)]);
    resetClassifier();
    const read = SENTENCES.map((s) => classify(s, 'da'));
    expect(read).toEqual(trained);
    expect(read[0]?.[0]?.intent).toBe('sign_up');
  });

  test('a broken file is trained anew and replaced', () => {
    const trained = classify(SENTENCES[0] as string, 'da');
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file as string), 'not a model');
    resetClassifier();
    expect(classify(SENTENCES[0] as string, 'da')).toEqual(trained);
    expect(readFileSync(join(dir, file as string), 'utf8')).not.toBe('not a model');
    resetClassifier();
    expect(classify(SENTENCES[0] as string, 'da')).toEqual(trained);
  });
});
