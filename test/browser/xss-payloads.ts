/**
 * One hundred stored-XSS payloads for the inbox, in the classic families. Every payload that ran would leave a trace:
 * it calls `__xss(id)` (a binding in every frame), opens a dialog, fetches `<canary>/x/<id>` or navigates to
 * `<canary>/nav/<id>`. Tracking payloads point at `<canary>/img/<id>` (allowed only after "Show images") and
 * anything else that loads points at `<canary>/other/<id>` or `<canary>/css/<id>`.
 */
import type { InboundItem, InboundKind } from '../../src/connectors/types';

export interface Payload {
  id: string;
  family: string;
  body: string;
}

type Make = (js: string, id: string, canary: string) => string;

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const dec = (s: string) => [...s].map((ch) => `&#${ch.codePointAt(0)};`).join('');
const hex = (s: string) => [...s].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)}`).join('');

const FAMILIES: Array<[string, Make[]]> = [
  ['script', [
    (j) => `<script>${j}</script>`,
    (_j, id, c) => `<script src="${c}/x/${id}.js"></script>`,
    (j) => `"><script>${j}</script>`,
    (j) => `</title></style><script>${j}</script>`,
    (j) => `<scr<script>ipt>${j}</scr</script>ipt>`,
    (j) => `<script type="module">${j}</script>`,
    (j) => `<script>document.write(\`<img src=x onerror="${j}">\`)</script>`,
    (j) => `<ScRiPt >${j}</sCrIpT >`,
    (j) => `<script\f>${j}</script\f>`,
  ]],
  ['img-onerror', [
    (j) => `<img src=x onerror=${j}>`,
    (j) => `<img src="x" onerror="${j}">`,
    (j) => `<img src=x onerror\n=\n${j}>`,
    (j) => `<img/src="x"/onerror=${j}>`,
    (j) => `<img src="x" onerror="${dec(j)}">`,
    (j) => `<img src=x onerror="${hex(j)}">`,
    (j) => `<img src=x onerror=eval(atob('${b64(j)}'))>`,
    (j) => `<image src=x onerror=${j}>`,
    (j) => `<img src=x onerror=${j}//`,
    (j) => `<img src=x oNeRrOr=${j}>`,
    (j) => `<img src=x\fonerror=${j}>`,
    (_j, id) => `<img src=x onerror=window['__x'+'ss']('${id}')>`,
    (_j, id) => `<img src=x onerror=__xss\`${id}\`>`,
  ]],
  ['svg', [
    (j) => `<svg onload=${j}>`,
    (j) => `<svg><script>${j}</script></svg>`,
    (j) => `<svg><script href="data:text/javascript,${j}"></script></svg>`,
    (j) => `<svg><animate onbegin=${j} attributeName=x dur=1s>`,
    (j) => `<svg><a xlink:href="javascript:${j}"><text x="20" y="20">klik</text></a></svg>`,
    (j) => `<svg><a><set attributeName="href" to="javascript:${j}"/><text x="20" y="20">klik</text></a></svg>`,
    (j) => `<svg><foreignObject><img src=x onerror=${j}></foreignObject></svg>`,
    (j) => `<svg><use href="data:image/svg+xml;base64,${b64(`<svg id="x" xmlns="http://www.w3.org/2000/svg"><image href="x" onerror="${j}"/></svg>`)}#x"/></svg>`,
  ]],
  ['javascript-url', [
    (j) => `<a href="javascript:${j}">klik hier</a>`,
    (j) => `<a href="JaVaScRiPt:${j}">klik</a>`,
    (j) => `<a href="&#106;&#97;vascript:${j}">klik</a>`,
    (j) => `<a href="java&#9;script:${j}">klik</a>`,
    (j) => `<a href=" &#14; javascript:${j}">klik</a>`,
    (j) => `<a href="javascript&colon;${j}">klik</a>`,
    (j) => `<a href="data:text/html,<script>${j}</script>">klik</a>`,
    (j) => `javascript:${j}`,
    (j) => `[klik hier](javascript:${j})`,
    (j) => `https://example.org/"onmouseover="${j}"`,
  ]],
  ['frames-plugins', [
    (j) => `<iframe src="javascript:${j}"></iframe>`,
    (j) => `<iframe srcdoc="&lt;script&gt;${j}&lt;/script&gt;"></iframe>`,
    (j) => `<iframe src="data:text/html,<script>${j}</script>"></iframe>`,
    (j) => `<iframe src="data:text/html;base64,${b64(`<script>${j}</script>`)}"></iframe>`,
    (j) => `<frameset onload=${j}>`,
    (j) => `<object data="javascript:${j}"></object>`,
    (j) => `<object type="text/html" data="data:text/html;base64,${b64(`<script>${j}</script>`)}"></object>`,
    (j) => `<embed src="javascript:${j}">`,
    (_j, id, c) => `<embed src="${c}/other/${id}.swf" type="application/x-shockwave-flash">`,
  ]],
  ['mutation', [
    (j) => `<noscript><p title="</noscript><img src=x onerror=${j}>">`,
    (j) => `<math><mtext><table><mglyph><style><img src=x onerror=${j}></style></mglyph></table></mtext></math>`,
    (j) => `<math><mi><style><img src=x onerror=${j}></style></mi></math>`,
    (j) => `<form><math><mtext></form><form><mglyph><svg><mtext><style><path id="</style><img src=x onerror=${j}>">`,
    (j) => `<svg></p><style><a id="</style><img src=x onerror=${j}>">`,
    (j) => `<xmp><p title="</xmp><img src=x onerror=${j}>">`,
    (j) => `<textarea><p title="</textarea><img src=x onerror=${j}>">`,
    (j) => `<title><a title="</title><img src=x onerror=${j}>">`,
    (j) => `<!--><img src=x onerror=${j}>-->`,
    (j) => `<![CDATA[><img src=x onerror=${j}>]]>`,
    (j) => `<template><img src=x onerror=${j}></template>`,
    (j) => `<noembed><img title="</noembed><img src=x onerror=${j}>">`,
  ]],
  ['style', [
    (_j, id, c) => `<style>@import '${c}/css/${id}.css';</style>`,
    (j) => `<div style="background:url('javascript:${j}')">achtergrond</div>`,
    (j) => `<div style="width:expression(${j})">breed</div>`,
    (_j, id, c) => `<link rel="stylesheet" href="${c}/css/${id}.css">`,
    (_j, id, c) => `<div style="behavior:url(${c}/css/${id}.htc)">gedrag</div>`,
  ]],
  ['meta-base-form', [
    (j) => `<meta http-equiv="refresh" content="0;url=javascript:${j}">`,
    (_j, id, c) => `<meta http-equiv="refresh" content="0;url=${c}/nav/${id}">`,
    (j) => `<base href="javascript:${j}//"><a href="x">klik</a>`,
    (_j, id, c) => `<base href="${c}/other/"><img src="${id}.png">`,
    (j) => `<form action="javascript:${j}"><button>Verstuur</button></form>`,
    (j) => `<form id="f"></form><button form="f" formaction="javascript:${j}">Verstuur</button>`,
  ]],
  ['handlers', [
    (j) => `<body onload=${j}>`,
    (j) => `<details open ontoggle=${j}>`,
    (j) => `<div onmouseover="${j}" style="position:fixed;inset:0">beweeg</div>`,
    (j) => `<video><source onerror=${j}></video>`,
    (j) => `<audio src=x onerror=${j}>`,
    (j) => `<marquee onstart=${j}>loop</marquee>`,
    (j) => `<input autofocus onfocus=${j}>`,
    (j) => `<select autofocus onfocus=${j}></select>`,
  ]],
  ['obfuscation-breakout', [
    (j) => `&lt;img src=x onerror=${j}&gt;`,
    (j) => `%3Cscript%3E${j}%3C%2Fscript%3E`,
    (j) => `\\u003cscript\\u003e${j}\\u003c/script\\u003e`,
    (j) => `＜script＞${j}＜/script＞`,
    (j) => `\${${j}}`,
    (j) => `{{constructor.constructor("${j}")()}}`,
    (j) => `</script><script>${j}</script>`,
    (j) => `"}]});${j};//`,
    (j) => `\u2028\u2029${j}\u2028`,
    (j) => `</style></noscript></textarea></title><img src=x onerror=${j}>`,
    (j) => `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=${j} )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=${j}//>\\x3e`,
  ]],
  ['react', [
    (j) => `{"__html":"<img src=x onerror=${j}>"}`,
    (j) => `{"dangerouslySetInnerHTML":{"__html":"<script>${j}</script>"}}`,
    (j) => `{"$$typeof":"Symbol(react.element)","type":"iframe","props":{"src":"javascript:${j}"}}`,
    (j) => `{"type":"a","props":{"href":"javascript:${j}","children":"klik"}}`,
    (j) => `{"__proto__":{"dangerouslySetInnerHTML":{"__html":"<img src=x onerror=${j}>"}}}`,
  ]],
  ['tracking', [
    (_j, id, c) => `<img src="${c}/img/${id}.gif" width="1" height="1" alt="">`,
    (_j, id, c) => `<table background="${c}/img/${id}.png"><tr><td>tabel</td></tr></table>`,
    (_j, id, c) => `<div style="background-image:url('${c}/img/${id}.png')">achtergrond</div>`,
    (_j, id, c) => `<img srcset="${c}/img/${id}.png 2x" alt="srcset">`,
  ]],
];

/** What runs, in turns: the hook (and the canary when the hook is not there), a dialog, the canary, a navigation. */
function script(n: number, id: string, canary: string): string {
  switch (n % 6) {
    case 0:
      return `(function(){try{__xss('${id}')}catch(e){};try{top.__xss('${id}')}catch(e){};fetch('${canary}/x/${id}')})()`;
    case 1:
      return `alert('${id}')`;
    case 2:
      return `__xss('${id}')`;
    case 3:
      return `fetch('${canary}/x/${id}')`;
    case 4:
      return `confirm('${id}')`;
    default:
      return `location='${canary}/nav/${id}'`;
  }
}

/** The payloads, `p001`…`p100`, each naming its own id and the canary. */
export function buildPayloads(canary: string): Payload[] {
  const out: Payload[] = [];
  for (const [family, makes] of FAMILIES) {
    for (const make of makes) {
      const id = `p${String(out.length + 1).padStart(3, '0')}`;
      out.push({ id, family, body: make(script(out.length, id, canary), id, canary) });
    }
  }
  return out;
}

/** The shapes of the payloads without ids and canary: proves they differ in more than their id. */
export function payloadShapes(): string[] {
  return FAMILIES.flatMap(([, makes]) => makes.map((m) => m('JS', 'ID', 'C')));
}

/** Values for a message's `url`: none of them may become a link except the two http(s) ones (which stay inert). */
export function urlPayload(n: number, id: string, canary: string): string {
  const j = `__xss('${id}-url')`;
  const urls = [
    `javascript:${j}`,
    ` JAVASCRIPT:${j}`,
    `data:text/html,<script>${j}</script>`,
    `https://example.org/"onmouseover="${j}`,
    `java\tscript:${j}`,
    `vbscript:${j}`,
    `https://example.org/?q=<script>${j}</script>&next=${canary}/nav/${id}`,
  ];
  return urls[n % urls.length];
}

const KINDS: InboundKind[] = ['email', 'comment', 'email', 'direct_message', 'email', 'mention'];

/**
 * The payloads as inbound messages in 52 conversations (48 of two messages, 4 of one: more than a page of the list).
 * Each payload is a message's text; others of them are its subject, author name, handle and e-mail address, and every
 * one is in some e-mail's HTML (e-mails carry their own and, in turn, one of a non-e-mail). Every `url` is hostile.
 */
export function inboundItems(ps: Payload[], canary: string, now: number): InboundItem[] {
  const items = ps.map((p, i): InboundItem => {
    const thread = i < 96 ? Math.floor(i / 2) : 48 + (i - 96);
    const kind = KINDS[thread % KINDS.length];
    return {
      remoteId: `xss-${p.id}`,
      kind,
      threadRemoteId: `xss-thread-${thread}`,
      author: {
        remoteId: `xss-author-${p.id}`,
        displayName: ps[(i + 7) % ps.length].body,
        handle: `@${ps[(i + 13) % ps.length].body}`,
        ...(kind === 'email' ? { email: `"${p.id}"<img src=x onerror=__xss('${p.id}-mail')>@example.org` } : {}),
      },
      text: p.body,
      ...(kind === 'email' || i % 2 === 0 ? { subject: ps[(i + 29) % ps.length].body } : {}),
      url: urlPayload(i, p.id, canary),
      createdAt: new Date(now - (200 - i) * 60_000).toISOString(),
    };
  });
  const email = items.filter((x) => x.kind === 'email');
  const other = items.filter((x) => x.kind !== 'email');
  email.forEach((x, k) => {
    const extra = other[k] ? `<hr>${other[k].text}` : '';
    x.html = `<p>Beste gemeente,</p>${x.text}${extra}<p>Met vriendelijke groet</p>`;
  });
  return items;
}
