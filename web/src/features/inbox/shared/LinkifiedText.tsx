import { linkify } from '../linkify';

/** Untrusted text as text; only http(s) URLs become links, opening in a new tab without referrer or opener. */
export function LinkifiedText({ text, className }: { text: string; className?: string }) {
  return (
    <div className={className}>
      {linkify(text).map((s, i) =>
        s.type === 'link' ? (
          <a key={i} href={s.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {s.value}
          </a>
        ) : (
          <span key={i}>{s.value}</span>
        ),
      )}
    </div>
  );
}
