import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * The tripwires of the stored-XSS test: a canary web server that records every request, and a watch on a browser
 * context that records hook calls, dialogs, page errors, navigations away, pop-ups, requests leaving the app,
 * Content Security Policy violations and the console's CSP/sandbox complaints.
 */

export interface Canary {
  origin: string;
  /** True when it speaks https (a throw-away certificate), so "Show images" can really load its images. */
  secure: boolean;
  hits: string[];
  close(): Promise<void>;
}

const GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

function throwAwayCertificate(): { key: Buffer; cert: Buffer } | null {
  const dir = mkdtempSync(join(tmpdir(), 'regie-canary-'));
  try {
    const [key, cert] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    return { key: readFileSync(key), cert: readFileSync(cert) };
  } catch {
    return null;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A server on 127.0.0.1 that answers everything (a 1×1 GIF) and remembers each path it was asked for. */
export async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    hits.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'image/gif', 'access-control-allow-origin': '*', 'cache-control': 'no-store' });
    res.end(GIF);
  };
  const tls = throwAwayCertificate();
  if (!tls) console.warn('[inbox-xss] openssl is missing: the canary speaks http, so "Show images" cannot be proven to load');
  const server: Server = tls ? createHttpsServer(tls, handle) : createHttpServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    secure: tls !== null,
    hits,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SignalKind = 'hook' | 'dialog' | 'pageerror' | 'navigation' | 'popup' | 'request' | 'csp' | 'console';
export interface Signal {
  pass: string;
  kind: SignalKind;
  detail: string;
}

/** Signals that mean a payload ran (anything else is a blocked attempt or a load). */
export const EXECUTION: SignalKind[] = ['hook', 'dialog', 'pageerror', 'navigation', 'popup'];

/** Records what happens in the browser contexts it is attached to, labelled with the current pass. */
export class XssWatch {
  readonly signals: Signal[] = [];
  pass = '';

  constructor(private readonly appOrigin: string) {}

  private add(kind: SignalKind, detail: string): void {
    this.signals.push({ pass: this.pass, kind, detail });
  }

  /** The signals of a pass (all passes when none is named), of the given kinds. */
  of(kinds: SignalKind[], pass?: string): Signal[] {
    return this.signals.filter((s) => kinds.includes(s.kind) && (pass === undefined || s.pass === pass));
  }

  /** Installs `__xss` and the CSP listener in every frame of the context's pages, and watches each page. */
  async attach(ctx: BrowserContext): Promise<void> {
    await ctx.exposeBinding('__xss', ({ frame }, id: unknown) => this.add('hook', `${String(id)} in ${frame.url()}`));
    await ctx.exposeBinding('__cspViolation', (_source, v: unknown) => this.add('csp', String(v)));
    await ctx.addInitScript(() => {
      document.addEventListener(
        'securitypolicyviolation',
        (e) => {
          const t = e.target as Element | Document;
          const where = t instanceof Element ? `<${t.localName}> connected=${t.isConnected} in-main=${t.ownerDocument === document} ${t.outerHTML.slice(0, 120)}` : `document main=${t === document}`;
          void (window as unknown as { __cspViolation?: (s: string) => void }).__cspViolation?.(`${e.effectiveDirective} ${e.blockedURI} src=${e.sourceFile}:${e.lineNumber}:${e.columnNumber} sample=${e.sample} target=${where} @ ${e.documentURI}`);
        },
        true,
      );
    });
    ctx.on('page', (p) => this.watch(p));
  }

  private watch(page: Page): void {
    page.on('dialog', (d) => {
      this.add('dialog', `${d.type()}: ${d.message()}`);
      void d.dismiss().catch(() => undefined);
    });
    page.on('pageerror', (e) => this.add('pageerror', e.message));
    page.on('popup', (p) => this.add('popup', p.url()));
    page.on('framenavigated', (f) => {
      const u = f.url();
      const away = f === page.mainFrame() ? !u.startsWith(this.appOrigin) : !/^about:(srcdoc|blank)$/.test(u);
      if (away) this.add('navigation', u);
    });
    page.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(this.appOrigin) && !/^(data|blob|about):/.test(u)) this.add('request', u);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && /Content Security Policy|sandbox|blocked/i.test(m.text())) this.add('console', m.text().slice(0, 200));
    });
  }
}

/**
 * What in the app's own document could run or load hostile content: inline handlers, links that are not http(s),
 * app paths, fragments or mailto, scripts from elsewhere, plugins, frames other than the sandboxed e-mail frame,
 * base and refresh elements. Empty when the app rendered everything as text.
 */
export function auditApp(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.tagName.toLowerCase();
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) bad.push(`<${tag} ${a.name}>`);
      const href = el.getAttribute('href');
      if (tag === 'a' && href !== null && !/^(https?:\/\/|\/(?!\/)|#|mailto:)/i.test(href)) bad.push(`<a href="${href}">`);
      if (tag === 'script' && !(el as HTMLScriptElement).src.startsWith(`${location.origin}/`)) bad.push('<script> not from the app');
      if (['object', 'embed', 'frame', 'frameset', 'base', 'portal'].includes(tag)) bad.push(`<${tag}>`);
      if (tag === 'meta' && el.hasAttribute('http-equiv')) bad.push('<meta http-equiv>');
      if (tag === 'iframe' && (el.getAttribute('sandbox') !== '' || el.hasAttribute('src') || el.getAttribute('data-testid') !== 'message-html-frame')) bad.push('<iframe> other than the sandboxed e-mail frame');
    }
    return bad;
  });
}

/**
 * The e-mail frames as the browser parses their srcdoc (inert, with DOMParser): the frame's policy must be the first
 * thing in the head, and the body must hold nothing active: no scripts, frames, plugins, forms, base, meta, links,
 * styles, no handlers, no non-http(s) links, no sources other than http(s) and inline images.
 */
export function auditEmailFrames(page: Page): Promise<{ frames: number; bad: string[] }> {
  return page.evaluate(() => {
    const bad: string[] = [];
    const frames = Array.from(document.querySelectorAll('iframe[data-testid="message-html-frame"]'));
    const forbidden = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select', 'textarea', 'base', 'meta', 'link', 'style', 'noscript', 'template', 'portal'];
    for (const f of frames) {
      if (f.getAttribute('sandbox') !== '') bad.push('frame without an empty sandbox');
      const doc = new DOMParser().parseFromString(f.getAttribute('srcdoc') ?? '', 'text/html');
      const first = doc.head.firstElementChild;
      const policy = first?.getAttribute('http-equiv') === 'Content-Security-Policy' ? first.getAttribute('content') : null;
      if (!policy || !/^default-src 'none'; style-src 'unsafe-inline'; img-src data:( https:)?$/.test(policy)) bad.push(`policy not first: ${first?.outerHTML.slice(0, 80)}`);
      if (doc.head.querySelectorAll('meta[http-equiv]').length !== 1) bad.push('more than one http-equiv in the head');
      // Until "Show images", remote images are not in the frame at all (the policy refusing them is the second line).
      const held = !!policy && !policy.includes('https:');
      for (const el of Array.from(doc.body.querySelectorAll('*'))) {
        const tag = el.localName.toLowerCase();
        if (forbidden.includes(tag)) bad.push(`<${tag}>`);
        for (const a of Array.from(el.attributes)) {
          const name = a.name.toLowerCase();
          const v = a.value.replace(/[\u0000-\u0020]/g, '');
          const fetches = ['src', 'xlink:href', 'background', 'poster', 'data'].includes(name) || (name === 'href' && tag !== 'a');
          if (held && ((fetches && /^(https?:)?\/\//i.test(v)) || (name === 'style' && /url\(\s*['"]?\s*(https?:)?\/\//i.test(a.value)))) bad.push(`held, yet remote: <${tag} ${name}="${a.value.slice(0, 60)}">`);
          if (/^on/.test(name) || (['srcdoc', 'formaction', 'action', 'http-equiv', 'srcset', 'ping', 'target'].includes(name) && !(tag === 'a' && name === 'target'))) bad.push(`<${tag} ${name}>`);
          if (name === 'href' && tag === 'a' && !/^(https?:|mailto:|tel:|#)/i.test(v)) bad.push(`<a href="${a.value}">`);
          else if (['src', 'href', 'xlink:href', 'background', 'poster', 'data'].includes(name) && !/^(https?:\/\/|data:image\/)/i.test(v)) bad.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`);
          else if (/javascript:|data:text/i.test(v) && name !== 'href' && name !== 'style') bad.push(`<${tag} ${name}="${a.value.slice(0, 60)}">`);
        }
      }
    }
    return { frames: frames.length, bad };
  });
}
