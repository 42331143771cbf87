/**
 * The website widget's styles, applied inside its Shadow DOM as a constructed style sheet (so a host page's strict
 * CSP without 'unsafe-inline' styles does not block them, and the page's own CSS does not leak in). Colours meet
 * WCAG AA contrast on white.
 */
export const WIDGET_CSS = `
:host { all: initial; display: block; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1f2328; }
*, *::before, *::after { box-sizing: border-box; }
.card { max-width: 34rem; padding: 1.25rem; border: 1px solid #d0d7de; border-radius: 12px; background: #fff; }
h2 { font-size: 1.25rem; line-height: 1.3; margin: 0 0 .875rem; }
.field { margin: 0 0 .875rem; }
label { display: block; font-weight: 600; margin: 0 0 .25rem; }
.opt { font-weight: 400; color: #57606a; }
input, textarea { display: block; width: 100%; font: inherit; color: inherit; padding: .5rem .625rem; border: 1px solid #6e7781; border-radius: 6px; background: #fff; }
textarea { min-height: 8rem; resize: vertical; }
input:focus-visible, textarea:focus-visible, button:focus-visible, .status:focus-visible { outline: 3px solid #0969da; outline-offset: 2px; }
[aria-invalid="true"] { border-color: #cf222e; border-width: 2px; }
.send { font: inherit; font-weight: 600; color: #fff; background: #0a58ca; border: 0; border-radius: 6px; padding: .625rem 1.25rem; cursor: pointer; }
.send:hover { background: #084298; }
.send[disabled] { opacity: .75; cursor: progress; }
.error { color: #b3261e; font-weight: 600; margin: 0 0 .75rem; }
.status { margin: .75rem 0 0; color: #1a7f37; font-weight: 600; }
.error:empty, .status:empty { display: none; }
.hp { position: absolute; left: -10000px; top: 0; width: 1px; height: 1px; overflow: hidden; }
.bubble { position: fixed; right: 1.25rem; bottom: 1.25rem; z-index: 2147483000; font: inherit; font-weight: 600; color: #fff; background: #0a58ca;
  border: 0; border-radius: 999px; padding: .75rem 1.25rem; box-shadow: 0 4px 14px rgba(0, 0, 0, .25); cursor: pointer; }
.bubble:hover { background: #084298; }
.panel { position: fixed; right: 1.25rem; bottom: 5rem; z-index: 2147483000; width: min(23rem, calc(100vw - 2.5rem)); max-height: calc(100vh - 7rem);
  display: flex; flex-direction: column; background: #fff; border: 1px solid #d0d7de; border-radius: 12px; box-shadow: 0 8px 30px rgba(0, 0, 0, .25); }
.panel[hidden] { display: none; }
.head { display: flex; align-items: center; justify-content: space-between; gap: .5rem; padding: .75rem 1rem; border-bottom: 1px solid #d0d7de; }
.head h2 { margin: 0; font-size: 1.0625rem; }
.close { font: inherit; font-size: 1.25rem; line-height: 1; color: inherit; background: none; border: 1px solid transparent; border-radius: 6px; padding: .25rem .5rem; cursor: pointer; }
.close:hover { border-color: #d0d7de; }
.body { padding: .75rem 1rem; overflow-y: auto; flex: 1 1 auto; }
.intro { margin: 0 0 .75rem; color: #57606a; font-size: .9375rem; }
.log { list-style: none; margin: 0; padding: 0; }
.log li { background: #ddf4ff; border-radius: 10px; padding: .5rem .75rem; margin: 0 0 .5rem auto; max-width: 85%; white-space: pre-wrap; overflow-wrap: anywhere; }
.who { display: block; font-size: .8125rem; font-weight: 600; }
.compose { padding: .75rem 1rem 1rem; border-top: 1px solid #d0d7de; }
.compose textarea { min-height: 4.5rem; }
.compose .field { margin-bottom: .625rem; }
`;
