/**
 * A small glyph per channel kind on a tile in the platform's colour: drawn inline (no external assets), decorative
 * (the platform's name is always written next to it).
 */

interface Glyph {
  d: string;
  color: string;
  /** Filled shapes instead of strokes. */
  fill?: boolean;
}

const GLYPHS: Record<string, Glyph> = {
  bluesky: {
    color: '#0a66d8',
    fill: true,
    d: 'M12 11.2C10.9 8.9 7.8 4.8 5.2 4.2 3.6 3.8 3 5 3 6.6c0 1 .5 4 .9 4.8.8 1.9 3 2.3 5 2-3.2.6-4.6 2.3-2.8 4.2 2 2 3.9.2 5-2.2l.9-1.8.9 1.8c1.1 2.4 3 4.2 5 2.2 1.8-1.9.4-3.6-2.8-4.2 2 .3 4.2-.1 5-2 .4-.8.9-3.8.9-4.8 0-1.6-.6-2.8-2.2-2.4-2.6.6-5.7 4.7-6.8 7Z',
  },
  mastodon: {
    color: '#5b4ce0',
    d: 'M7.5 18c3.2 1.7 7.4 1.4 9.6-.6M5 9.2C5 5.8 7.6 4 12 4s7 1.8 7 5.2v3.2c0 2.9-2.6 4.4-7 4.4s-7-1.5-7-4.4ZM8.8 13V9.6a1.6 1.6 0 0 1 3.2 0V11m0 0V9.6a1.6 1.6 0 0 1 3.2 0V13',
  },
  facebook: { color: '#0866ff', d: 'M15 4h-1.8A3.2 3.2 0 0 0 10 7.2V20M7 11h7.5' },
  instagram: {
    color: '#c1356f',
    d: 'M8 4h8a4 4 0 0 1 4 4v8a4 4 0 0 1-4 4H8a4 4 0 0 1-4-4V8a4 4 0 0 1 4-4ZM12 15.5a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM16.8 7.2h.01',
  },
  linkedin: { color: '#0a66c2', d: 'M7 10.5V18M7 6.5h.01M11 18v-7.5M11 14a3 3 0 0 1 6 0v4' },
  x: { color: '#14171a', d: 'M5 4h3.6L19 20h-3.6ZM18.5 4l-5.8 6.6M5.5 20l5.8-6.6' },
  whatsapp: {
    color: '#128c4a',
    d: 'M4 20l1.2-3.9A8 8 0 1 1 8 18.9ZM9.2 8.6c-.4 3 2.8 6.4 6.2 6.2l.8-1.5-2-1-.9.8a4 4 0 0 1-2-2l.8-.9-1-2Z',
  },
  email: { color: '#475467', d: 'M3.5 6h17v12h-17ZM3.5 7l8.5 6 8.5-6' },
  webform: { color: '#0e7490', d: 'M4.5 4.5h15v15h-15ZM8 9h8M8 12.5h8M8 16h4' },
  sandbox: {
    color: '#9a4a06',
    d: 'M9 3.5h6M10 3.5v5.7l-5 8.6a1.8 1.8 0 0 0 1.6 2.7h10.8a1.8 1.8 0 0 0 1.6-2.7l-5-8.6V3.5M7.2 14.5h9.6',
  },
};

const FALLBACK: Glyph = {
  color: '#4338ca',
  d: 'M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1',
};

export function PlatformIcon({ kind, size = 36 }: { kind: string; size?: number }) {
  const g = GLYPHS[kind] ?? FALLBACK;
  const inner = Math.round(size * 0.58);
  return (
    <span
      className="platform-icon"
      aria-hidden="true"
      data-kind={kind}
      style={{ width: size, height: size, background: g.color }}
    >
      <svg
        width={inner}
        height={inner}
        viewBox="0 0 24 24"
        fill={g.fill ? 'currentColor' : 'none'}
        stroke={g.fill ? 'none' : 'currentColor'}
        strokeWidth={1.9}
        strokeLinecap="round"
        strokeLinejoin="round"
        focusable="false"
      >
        <path d={g.d} />
      </svg>
    </span>
  );
}
