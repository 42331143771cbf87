import DOMPurify from 'dompurify';

/**
 * E-mail HTML from the public, made harmless before it goes into the sandboxed frame: no scripts, styles sheets,
 * frames, plugins, forms, base/meta/link; no event handlers; links only http(s)/mailto/tel (opening in a new tab,
 * which the sandbox blocks anyway); images only http(s) or inline data:image. Until the reader asks for them,
 * remote images are taken out here as well (their addresses, and remote url() in inline styles), so that holding
 * them back does not rest on the frame's policy alone.
 */

const FORBID_TAGS = [
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'base',
  'meta',
  'link',
  'noscript',
  'template',
  'portal',
];
const FORBID_ATTR = ['srcset', 'ping', 'action', 'formaction', 'http-equiv', 'target'];
const LINK_OK = /^(?:https?:|mailto:|tel:|#)/i;
const IMAGE_OK = /^(?:https?:\/\/|data:image\/)/i;
const URL_ATTRS = ['src', 'background', 'poster', 'xlink:href', 'href'];
const REMOTE = /^(?:https?:)?\/\//i;
const REMOTE_CSS_URL = /url\(\s*(['"]?)\s*(?:https?:)?\/\/[^)]*\)/gi;

/** Whether the sanitize call in progress keeps remote images (DOMPurify's hooks are shared; calls are synchronous). */
let keepRemoteImages = false;

let instance: ReturnType<typeof DOMPurify> | null = null;

function purifier(): ReturnType<typeof DOMPurify> {
  if (instance) return instance;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    for (const attr of Array.from(node.attributes)) {
      if (/^on/i.test(attr.name)) node.removeAttribute(attr.name);
    }
    for (const name of URL_ATTRS) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const v = value.replace(/[\u0000-\u0020]/g, '');
      const isLink = name === 'href' && node.tagName.toLowerCase() === 'a';
      if (!(isLink ? LINK_OK : IMAGE_OK).test(v) || (!isLink && !keepRemoteImages && REMOTE.test(v))) node.removeAttribute(name);
    }
    const style = node.getAttribute('style');
    if (style !== null && !keepRemoteImages) {
      const held = style.replace(REMOTE_CSS_URL, 'none');
      if (held !== style) node.setAttribute('style', held);
    }
    if (node.tagName.toLowerCase() === 'a') {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
    }
  });
  instance = p;
  return p;
}

/**
 * The body HTML of an e-mail with everything active removed (see the file's comment); without `remoteImages`,
 * also every remote image.
 */
export function sanitizeEmailHtml(html: string, remoteImages: boolean): string {
  keepRemoteImages = remoteImages;
  const out = purifier().sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_UNKNOWN_PROTOCOLS: false,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false,
  });
  return String(out);
}
