/**
 * The dashboard's HTML: a shell in the requested language with that language's texts embedded as
 * JSON for the bundle (which re-applies the language Teams reports, fetching its texts then),
 * styles for light, dark and high-contrast themes, and the bundle.
 */
import { embeddedJson, TEXTS_ELEMENT_ID } from './server-texts';
import { RTL_TAB_LANGUAGES, type TabLanguage, type TabTexts } from './texts';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
:root { --bg:#fff; --fg:#242424; --muted:#616161; --card:#f5f5f5; --track:#e0e0e0; --good:#237b4b; --warning:#c19c00; --attention:#c4314b; --neutral:#8a8886; --tick:#242424; }
body[data-theme=dark] { --bg:#1f1f1f; --fg:#fff; --muted:#c8c8c8; --card:#2d2d2d; --track:#3d3d3d; --good:#6bb700; --warning:#f8d22a; --attention:#f1707b; --tick:#fff; }
body[data-theme=contrast] { --bg:#000; --fg:#fff; --muted:#fff; --card:#000; --track:#3a3a3a; --good:#3ff23f; --warning:#ffff01; --attention:#ff6a6a; --tick:#fff; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg); font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 20px 40px; }
header { display:flex; flex-wrap:wrap; gap:12px; align-items:center; justify-content:space-between; }
h1 { font-size: 20px; margin: 0; } h2 { font-size: 16px; margin: 18px 0 8px; } h3 { font-size: 14px; margin: 0 0 6px; }
select { font: inherit; padding: 4px 8px; margin-inline-start: 6px; }
.status { color: var(--muted); } .status.error { color: var(--attention); font-weight: 600; }
.summary, .activity { background: var(--card); border-radius: 6px; padding: 10px 14px; margin: 8px 0; }
.muted { color: var(--muted); margin: 2px 0 8px; }
.bar { display:block; width:100%; height:14px; margin: 4px 0 2px; }
.summary .bar { height: 18px; }
.track { fill: var(--track); } .expected { fill: var(--tick); }
.fill.good, .swatch.good { fill: var(--good); background: var(--good); }
.fill.warning, .swatch.warning { fill: var(--warning); background: var(--warning); }
.fill.attention, .swatch.attention { fill: var(--attention); background: var(--attention); }
.fill.neutral, .swatch.neutral { fill: var(--neutral); background: var(--neutral); }
.target { margin: 8px 0 10px; }
.target-head { display:flex; gap: 8px; justify-content: space-between; align-items: baseline; }
.figures { color: var(--muted); font-size: 12px; }
.badge { display:inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 10px; color:#fff; white-space: nowrap; }
.badge.good { background: var(--good); } .badge.warning { background: var(--warning); color:#000; } .badge.attention { background: var(--attention); } .badge.neutral { background: var(--neutral); }
.legend { list-style:none; display:flex; flex-wrap:wrap; gap: 14px; padding:0; margin: 6px 0 0; }
.swatch { display:inline-block; width: 10px; height: 10px; border-radius: 2px; margin-inline-end: 5px; }
`;

/** The page for a language; `sso` tells the bundle it may ask Teams for a token. */
export function tabPage(language: TabLanguage, sso: boolean, texts: TabTexts): string {
  const dir = RTL_TAB_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
  return `<!doctype html>
<html lang="${language}" dir="${dir}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escape(texts.title)}</title>
<style>${STYLE}</style>
</head>
<body data-theme="default" data-sso="${sso ? '1' : '0'}">
<main>
<header><h1 id="title">${escape(texts.title)}</h1><label><span id="period-label">${escape(texts.period)}</span><select id="period"></select></label></header>
<p id="status" class="status" role="status">${escape(texts.loading)}</p>
<div id="progress"></div>
</main>
<script type="application/json" id="${TEXTS_ELEMENT_ID}" data-lang="${language}">${embeddedJson(texts)}</script>
<script src="/tab/app.js"></script>
</body>
</html>`;
}
