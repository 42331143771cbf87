/**
 * The document an e-mail's (already sanitised) HTML is shown in: a sandboxed frame whose own Content Security
 * Policy allows inline styles and inline (data:) images only, and remote https images once the reader asks.
 */

/** The policy of the frame: nothing loads except inline styles and data: images (plus https: images when allowed). */
export function frameCsp(allowRemoteImages: boolean): string {
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:${allowRemoteImages ? ' https:' : ''}`;
}

const FRAME_STYLE =
  'html{color-scheme:light}body{margin:0;padding:12px 14px;font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;' +
  'color:#15171c;background:#fff;overflow-wrap:anywhere}img{max-width:100%;height:auto}table{max-width:100%}' +
  'a{color:#4338ca}blockquote{margin:0 0 0 8px;padding-left:10px;border-left:3px solid #cfd3da;color:#3d424d}';

/** The frame's srcdoc: the CSP meta first, then a base style, then the sanitised body. */
export function buildSrcdoc(sanitizedBody: string, allowRemoteImages: boolean): string {
  return (
    `<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="${frameCsp(allowRemoteImages)}">` +
    `<meta charset="utf-8"><meta name="referrer" content="no-referrer"><style>${FRAME_STYLE}</style></head>` +
    `<body>${sanitizedBody}</body></html>`
  );
}

const REMOTE_IMAGE = /<img\b[^>]*\bsrc\s*=\s*["']?\s*(?:https?:)?\/\//i;
const REMOTE_CSS_URL = /url\(\s*["']?\s*(?:https?:)?\/\//i;
const REMOTE_SRCSET = /\bsrcset\s*=\s*["']?[^"'>]*(?:https?:)?\/\//i;
const REMOTE_ATTR = /\b(?:background|poster)\s*=\s*["']?\s*(?:https?:)?\/\//i;

/** True when the (sanitised) HTML refers to images on the internet, which stay blocked until the reader asks. */
export function hasRemoteImages(html: string): boolean {
  return REMOTE_IMAGE.test(html) || REMOTE_CSS_URL.test(html) || REMOTE_SRCSET.test(html) || REMOTE_ATTR.test(html);
}
