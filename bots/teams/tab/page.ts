/**
 * The dashboard's HTML: a shell in the requested language with that language's texts embedded as
 * JSON for the bundle (which re-applies the language Teams reports, fetching its texts then),
 * styles for light, dark and high-contrast themes and for print (A4, no controls, statuses that read
 * in black and white by their symbols and words), and the bundle.
 */
import { embeddedJson, TEXTS_ELEMENT_ID } from './server-texts';
import { RTL_TAB_LANGUAGES, type TabLanguage, type TabTexts } from './texts';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `
:root { --bg:#fff; --fg:#242424; --muted:#616161; --card:#f5f5f5; --track:#e0e0e0; --achieved:#237b4b; --on-track:#0f6cbd; --at-risk:#b7791f; --behind:#c4314b; --neutral:#8a8886; --tick:#242424; }
body[data-theme=dark] { --bg:#1f1f1f; --fg:#fff; --muted:#c8c8c8; --card:#2d2d2d; --track:#3d3d3d; --achieved:#6bb700; --on-track:#479ef5; --at-risk:#f8d22a; --behind:#f1707b; --tick:#fff; }
body[data-theme=contrast] { --bg:#000; --fg:#fff; --muted:#fff; --card:#000; --track:#3a3a3a; --achieved:#3ff23f; --on-track:#1aebff; --at-risk:#ffff01; --behind:#ff6a6a; --tick:#fff; }
* { box-sizing: border-box; }
body { margin:0; background:var(--bg); color:var(--fg); font: 14px/1.45 "Segoe UI", system-ui, -apple-system, sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 16px 20px 40px; }
header { display:flex; flex-wrap:wrap; gap:12px; align-items:center; justify-content:space-between; }
.controls { display:flex; flex-wrap:wrap; gap:8px; align-items:center; }
#custom { display:flex; gap:6px; align-items:center; flex-wrap:wrap; } #custom[hidden] { display:none; }
h1 { font-size: 20px; margin: 0; } h2 { font-size: 16px; margin: 18px 0 8px; } h3 { font-size: 14px; margin: 0 0 6px; }
select, input, button, .button { font: inherit; padding: 4px 8px; margin-inline-start: 6px; }
button, .button { border: 1px solid var(--muted); border-radius: 4px; background: var(--card); color: var(--fg); cursor: pointer; text-decoration: none; }
.button[hidden] { display:none; }
.status { color: var(--muted); } .status.error { color: var(--behind); font-weight: 600; }
.summary, .activity, .indicator { background: var(--card); border-radius: 6px; padding: 10px 14px; margin: 8px 0; }
.muted { color: var(--muted); margin: 2px 0 8px; }
.bar { display:block; width:100%; height:14px; margin: 4px 0 2px; }
.summary .bar { height: 18px; }
.track { fill: var(--track); } .expected { fill: var(--tick); }
.fill.achieved, .swatch.achieved, .badge.achieved { fill: var(--achieved); background: var(--achieved); }
.fill.on-track, .swatch.on-track, .badge.on-track { fill: var(--on-track); background: var(--on-track); }
.fill.at-risk, .swatch.at-risk, .badge.at-risk { fill: var(--at-risk); background: var(--at-risk); }
.fill.behind, .swatch.behind, .badge.behind { fill: var(--behind); background: var(--behind); }
.fill.neutral, .swatch.neutral, .badge.neutral { fill: var(--neutral); background: var(--neutral); }
.target { margin: 8px 0 10px; }
.target-head { display:flex; gap: 8px; justify-content: space-between; align-items: baseline; }
.figures { color: var(--muted); font-size: 12px; }
.badge { display:inline-block; font-size: 11px; font-weight: 600; padding: 1px 8px; border-radius: 10px; color:#fff; white-space: nowrap; }
.badge.at-risk { color:#000; } body[data-theme=dark] .badge, body[data-theme=contrast] .badge { color:#000; }
.legend { list-style:none; display:flex; flex-wrap:wrap; gap: 14px; padding:0; margin: 6px 0 0; }
.swatch { display:inline-block; width: 10px; height: 10px; border-radius: 2px; margin-inline-end: 5px; }
.compared { border-top: 1px solid var(--track); margin-top: 10px; padding-top: 6px; }
.compared .legend { font-size: 12px; color: var(--muted); }
.line-chart { display:block; width:100%; max-width: 420px; height:auto; margin: 4px 0; direction: ltr; }
.line-chart .axis { stroke: var(--track); stroke-width: 1; }
.line-chart .series { fill:none; stroke: var(--fg); stroke-width: 2; }
.line-chart .point { fill: var(--fg); }
.line-chart .baseline { stroke: var(--muted); stroke-width: 1.5; stroke-dasharray: 6 4; }
.line-chart .goal { stroke: var(--achieved); stroke-width: 1.5; stroke-dasharray: 2 3; }
.line-chart text.level-label { fill: var(--muted); stroke: none; font-size: 10px; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  :root, body[data-theme] { --bg:#fff; --fg:#000; --muted:#333; --card:#fff; --track:#ddd; --tick:#000; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .controls, button, .button, #status { display: none !important; }
  .summary, .activity, .indicator { border: 1px solid #999; border-radius: 0; padding: 6px 10px; break-inside: avoid; }
  .focus-area > h2, .indicators > h2 { break-after: avoid; }
  .badge { background: #fff !important; color: #000 !important; border: 1px solid #000; }
  .figures, .muted { color: #222; }
  svg { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
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
<header><h1 id="title">${escape(texts.title)}</h1>
<div class="controls">
<label><span id="plan-label">${escape(texts.plan)}</span><select id="plan"></select></label>
<label><span id="period-label">${escape(texts.period)}</span><select id="period"></select></label>
<form id="custom" hidden>
<label><span id="from-label">${escape(texts.from)}</span><input type="date" id="from" required></label>
<label><span id="to-label">${escape(texts.to)}</span><input type="date" id="to" required></label>
<button type="submit" id="show">${escape(texts.show)}</button>
</form>
<a id="download" class="button" hidden download>${escape(texts.download)}</a>
<a id="plan-workbook" class="button" hidden>${escape(texts.planWorkbook)}</a>
<button type="button" id="print">${escape(texts.print)}</button>
</div></header>
<p id="status" class="status" role="status">${escape(texts.loading)}</p>
<div id="progress"></div>
</main>
<script type="application/json" id="${TEXTS_ELEMENT_ID}" data-lang="${language}">${embeddedJson(texts)}</script>
<script src="/tab/app.js"></script>
</body>
</html>`;
}
