/** report.html's stylesheet, inlined: the page must not fetch anything. */
export const REPORT_STYLE = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #5b5f66; --line: #d9dce1; --bg: #ffffff; --soft: #f5f6f8;
  --red: #c62828; --blue: #1f5fbf; --amber: #9a6700; --green: #1a7f37; --base: #6b7280; --cand: #d9480f; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 1500px; margin: 0 auto; padding: 0 20px; }
header.verdict { margin-top: 16px; padding: 14px 20px; border-left: 6px solid var(--muted); background: var(--soft); border-radius: 4px; }
header.verdict.pass { border-color: var(--green); }
header.verdict.fail { border-color: var(--red); }
header.verdict.unsure { border-color: var(--amber); }
h1 { font-size: 22px; margin: 0 0 6px; display: flex; align-items: center; gap: 10px; }
.mark { display: inline-flex; width: 28px; height: 28px; border-radius: 50%; align-items: center; justify-content: center; color: #fff; background: var(--muted); font-size: 17px; }
.pass .mark { background: var(--green); }
.fail .mark { background: var(--red); }
.unsure .mark { background: var(--amber); }
h2 { font-size: 18px; margin: 28px 0 6px; }
h3 { font-size: 15px; margin: 12px 0 6px; }
p { margin: 4px 0; }
.methods, .note { color: var(--muted); font-size: 13px; }
.warning { background: #fff8c5; border: 1px solid #e9d27a; padding: 6px 10px; border-radius: 4px; }
code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: var(--soft); padding: 1px 4px; border-radius: 3px; word-break: break-all; }
.legend { font-size: 13px; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
.swatch { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border-radius: 2px; }
.controls { display: flex; flex-wrap: wrap; gap: 8px 14px; align-items: center; margin: 8px 0; }
.controls fieldset { border: 1px solid var(--line); border-radius: 4px; padding: 2px 8px; margin: 0; }
.controls legend { font-size: 12px; color: var(--muted); padding: 0 4px; }
#flame-search { width: 280px; padding: 5px 8px; border: 1px solid var(--line); border-radius: 4px; font: inherit; }
button { font: inherit; padding: 4px 10px; border: 1px solid var(--line); border-radius: 4px; background: var(--bg); cursor: pointer; }
button:disabled { cursor: default; color: var(--muted); }
#flame-status { color: #7b1fa2; font-size: 13px; }
#flame-crumbs { font-size: 13px; margin: 4px 0 6px; color: var(--muted); min-height: 26px; }
#flame-crumbs button { padding: 1px 6px; margin: 1px 0; font-size: 13px; max-width: 28ch; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: middle; }
#flame-box { width: 100%; border: 1px solid var(--line); border-radius: 4px; overflow: hidden; background: var(--bg); }
#flame-canvas { display: block; }
#flame-tooltip { position: fixed; z-index: 10; max-width: 560px; background: #ffffff; border: 1px solid #9aa0a6; border-radius: 4px;
  box-shadow: 0 4px 14px rgba(0, 0, 0, 0.18); padding: 8px 10px; font-size: 12.5px; pointer-events: none; }
#flame-tooltip .tt-title { font-weight: 600; font-size: 14px; word-break: break-all; }
#flame-tooltip .tt-location { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; word-break: break-all; margin-bottom: 4px; }
#flame-tooltip ul { margin: 0; padding-left: 16px; }
#flame-static { overflow-x: auto; }
#flame-static svg { max-width: 100%; height: auto; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; }
th, td { padding: 4px 8px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: middle; }
thead th { position: sticky; top: 0; background: var(--soft); white-space: nowrap; }
thead th button { border: 0; background: none; padding: 0; font-weight: 600; }
thead th[aria-sort="ascending"] button::after { content: " ▲"; }
thead th[aria-sort="descending"] button::after { content: " ▼"; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.name { font-weight: 600; white-space: nowrap; }
td.file { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; white-space: nowrap; }
td.trials { white-space: nowrap; }
td.change.regressed { color: var(--red); font-weight: 600; }
td.change.improved { color: var(--blue); font-weight: 600; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 12px; background: #eceef1; color: var(--muted); }
.badge.regressed { background: #fde2e1; color: var(--red); }
.badge.improved { background: #dde9fb; color: var(--blue); }
.badge.inconclusive { background: #fff1c2; color: var(--amber); }
.tag { font-size: 11px; font-weight: 400; color: var(--muted); border: 1px solid var(--line); border-radius: 6px; padding: 0 4px; }
.which { font-size: 11px; color: var(--muted); margin-left: 4px; vertical-align: top; }
svg.strip { vertical-align: middle; }
svg.strip .axis { stroke: var(--line); }
svg.strip circle.base { fill: var(--base); fill-opacity: 0.75; }
svg.strip circle.cand { fill: var(--cand); fill-opacity: 0.75; }
svg.strip line.base { stroke: var(--base); stroke-width: 2; }
svg.strip line.cand { stroke: var(--cand); stroke-width: 2; }
tr.differs td { background: #fff8c5; }
.columns { display: flex; flex-wrap: wrap; gap: 24px; }
footer { margin: 28px auto 40px; color: var(--muted); font-size: 13px; }
`;
