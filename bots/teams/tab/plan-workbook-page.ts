/**
 * The plan-workbook page's HTML: the page itself (download link, file picker, Check button) and
 * the fragments the server answers a check or a save with (every problem by sheet, row and column;
 * or the dry-run's changes by key with the Save button; or what was saved). The fragments are
 * rendered here, on the server, so what a coordinator sees is what the tests read.
 */
import type { Translate } from '../../../src/i18n/i18n';
import { describeChanges, describeRefusals } from '../../../src/plan-workbook/import-report';
import type { WorkbookProblem } from '../../../src/plan-workbook/problems';
import type { PlanChange } from '../../../src/plan-data/plan-changes';
import type { Refusal } from '../../../src/plan-data/plan-sync';
import { embeddedJson } from './server-texts';
import { RTL_TAB_LANGUAGES, type TabLanguage } from './texts';

/** The largest upload taken, in bytes (the shared server reads at most 1 MB of any body). */
export const MAX_WORKBOOK_BYTES = 1_000_000;

const escape = (s: string): string => s.replace(/[\u2068\u2069]/g, '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The texts the page's script needs in the browser. */
export interface PlanWorkbookScriptTexts {
  noFile: string;
  tooLarge: string;
  checking: string;
  saving: string;
  failed: string;
  noAccess: string;
  coordinatorsOnly: string;
  maxBytes: number;
}

const STYLE = `
body { margin:0; font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; color:#242424; background:#fff; }
main { max-width: 960px; margin: 0 auto; padding: 16px 20px 40px; }
h1 { font-size: 20px; margin: 0 0 8px; }
.actions { display:flex; flex-wrap:wrap; gap: 12px; align-items:center; margin: 14px 0; }
a.button, button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #5b5fc7; background:#5b5fc7; color:#fff; text-decoration:none; cursor:pointer; }
button.secondary { background:#fff; color:#5b5fc7; }
.error { color:#c4314b; font-weight:600; }
.ok { color:#237b4b; font-weight:600; }
table { border-collapse: collapse; margin: 8px 0; width: 100%; }
th, td { border: 1px solid #d1d1d1; padding: 4px 8px; text-align: start; vertical-align: top; }
ul { padding-inline-start: 20px; }
`;

function shell(language: TabLanguage, title: string, body: string): string {
  const dir = RTL_TAB_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
</body>
</html>`;
}

/** The page for a coordinator: `downloadUrl` and the token the script sends back are from the signed link. */
export function planWorkbookPage(o: { language: TabLanguage; t: Translate; planName: string; downloadUrl: string; token: string }): string {
  const { t } = o;
  const texts: PlanWorkbookScriptTexts = {
    noFile: t('channel:planWorkbook.noFile'),
    tooLarge: t('channel:planWorkbook.tooLarge', { size: '1 MB' }),
    checking: t('channel:planWorkbook.checking'),
    saving: t('channel:planWorkbook.saving'),
    failed: t('channel:planWorkbook.failed'),
    noAccess: t('channel:planWorkbook.noAccess'),
    coordinatorsOnly: t('channel:planWorkbook.coordinatorsOnly'),
    maxBytes: MAX_WORKBOOK_BYTES,
  };
  const body = `<p>${escape(t('channel:planWorkbook.intro', { plan: o.planName }))}</p>
<div class="actions"><a class="button" id="download" href="${escape(o.downloadUrl)}" download>${escape(t('channel:planWorkbook.download'))}</a></div>
<form id="upload" class="actions">
<label>${escape(t('channel:planWorkbook.chooseFile'))} <input type="file" id="file" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"></label>
<button type="submit" id="check">${escape(t('channel:planWorkbook.check'))}</button>
</form>
<div id="result" role="status" aria-live="polite"></div>
<script type="application/json" id="plan-workbook-data" data-lang="${o.language}" data-token="${escape(o.token)}">${embeddedJson(texts)}</script>
<script src="/tab/plan-workbook.js"></script>`;
  return shell(o.language, t('channel:planWorkbook.title'), body);
}

/** A page with one message only: an expired link, or someone who is not a coordinator. */
export function planWorkbookMessagePage(language: TabLanguage, t: Translate, message: string): string {
  return shell(language, t('channel:planWorkbook.title'), `<p class="error">${escape(message)}</p>`);
}

/** A fragment with one message (a wrong file, a failure). */
export const messageFragment = (message: string, kind: 'error' | 'ok' = 'error'): string => `<p class="${kind}">${escape(message)}</p>`;

/** Every problem of the workbook as a table: sheet, row, column and the sentence. */
export function problemsFragment(problems: readonly WorkbookProblem[], t: Translate): string {
  const rows = problems
    .map((p) => {
      const sentence = t(`plan-workbook:problem.${p.code}`, p.params ?? {});
      return `<tr><td>${escape(p.sheet ?? '')}</td><td>${p.row ?? ''}</td><td>${escape(p.column ?? '')}</td><td>${escape(sentence)}</td></tr>`;
    })
    .join('');
  const head = ['sheet', 'row', 'column', 'problem'].map((k) => `<th>${escape(t(`channel:planWorkbook.${k}`))}</th>`).join('');
  return `<p class="error" id="problems">${escape(t('channel:planWorkbook.problems', { count: problems.length }))}</p>
<table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

const list = (lines: readonly string[]): string => `<ul>${lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>`;

/** The dry run: what would change, by key, and the Save button bound to the checked file's digest. */
export function dryRunFragment(o: { planName: string; changes: readonly PlanChange[]; digest: string; t: Translate }): string {
  const { t } = o;
  const save =
    o.changes.length > 0
      ? `<div class="actions"><button type="button" id="save" data-digest="${escape(o.digest)}">${escape(t('channel:planWorkbook.save'))}</button></div>`
      : '';
  return `<p id="dry-run">${escape(t('channel:planWorkbook.dryRun', { plan: o.planName, count: o.changes.length }))}</p>
${list(describeChanges([...o.changes], t))}${save}`;
}

/** Removals refused because they would lose registrations; nothing saved. */
export function refusedFragment(refusals: readonly Refusal[], t: Translate): string {
  return `<p class="error" id="refused">${escape(t('channel:planWorkbook.refused'))}</p>${list(describeRefusals([...refusals], t))}`;
}

/** What was saved. */
export function savedFragment(o: { planName: string; changes: readonly PlanChange[]; t: Translate }): string {
  return `<p class="ok" id="saved">${escape(o.t('channel:planWorkbook.saved', { plan: o.planName, count: o.changes.length }))}</p>${list(describeChanges([...o.changes], o.t))}`;
}
