/**
 * Inline `style` attributes of inbound e-mail, reduced to plain presentation: only listed properties, and no value
 * that could load something (`url(`, `image-set(`, `@import`), run something (`expression(`, `behavior`,
 * `javascript:`), hide an escape (backslashes, comments) or place content over the page (`position`).
 */

const PROPERTIES = new Set(
  [
    'color', 'background-color', 'font', 'font-family', 'font-size', 'font-style', 'font-weight', 'font-variant',
    'text-align', 'text-decoration', 'text-indent', 'text-transform', 'letter-spacing', 'word-spacing', 'line-height',
    'white-space', 'word-break', 'word-wrap', 'overflow-wrap', 'vertical-align', 'direction',
    'margin', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left',
    'padding', 'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
    'border', 'border-top', 'border-right', 'border-bottom', 'border-left', 'border-color', 'border-style',
    'border-width', 'border-collapse', 'border-spacing', 'border-radius',
    'width', 'height', 'max-width', 'min-width', 'max-height', 'min-height',
    'display', 'float', 'clear', 'list-style-type', 'table-layout', 'caption-side', 'empty-cells',
  ],
);

const FORBIDDEN_VALUE = /url\s*\(|image-set|image\s*\(|expression|behavior|binding|javascript:|vbscript:|@import|[\\<>]|\/\*|&/i;

/** Returns the allowed declarations of a (decoded) style attribute value, normalised; '' when none remain. */
export function cleanStyle(style: string): string {
  const kept: string[] = [];
  for (const decl of style.split(';')) {
    const colon = decl.indexOf(':');
    if (colon < 0) continue;
    const prop = decl.slice(0, colon).trim().toLowerCase();
    const value = decl.slice(colon + 1).trim();
    if (!PROPERTIES.has(prop) || !value || value.length > 200 || FORBIDDEN_VALUE.test(value)) continue;
    if (prop === 'display' && !/^(block|inline|inline-block|none|table|table-row|table-cell|list-item)$/i.test(value)) continue;
    kept.push(`${prop}: ${value}`);
  }
  return kept.join('; ');
}
