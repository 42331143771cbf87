import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import type { PostContent, PostVersion } from '../api';
import { usePostRefs } from '../PostRefs';
import { VerdictBadge } from '../shared/StateBadge';
import { WordDiff } from './WordDiff';

interface Field {
  key: string;
  label: string;
  text: string;
}

/** The texts of a version that a reader compares: title, core message and each channel's variant. */
function fieldsOf(c: PostContent, label: (channelId: string) => string, t: (k: string) => string): Field[] {
  const out: Field[] = [
    { key: 'title', label: t('posts.history.fieldTitle'), text: c.title },
    { key: 'core', label: t('posts.history.fieldCore'), text: c.core },
  ];
  for (const v of c.variants) {
    const text = [...v.parts, ...(v.firstComment ? [v.firstComment] : [])].join('\n\n');
    out.push({ key: `v:${v.channelId}`, label: label(v.channelId), text });
  }
  return out;
}

/** Every version, newest first, each with a word diff against the one before it (only the fields that changed). */
export function VersionHistory({ versions }: { versions: PostVersion[] }) {
  const { t } = useTranslation();
  const refs = usePostRefs();
  const label = (id: string) => refs.channel(id)?.name ?? t('posts.channelGone');
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);

  return (
    <section className="card" aria-labelledby="history-title" data-testid="version-history">
      <h2 id="history-title" className="card-title">
        {t('posts.history.title')} <span className="count">{versions.length}</span>
      </h2>
      <ol className="history-list">
        {newestFirst.map((v, i) => {
          const prev = newestFirst[i + 1];
          const after = fieldsOf(v.content, label, t);
          const before = prev ? new Map(fieldsOf(prev.content, label, t).map((f) => [f.key, f])) : null;
          const changed = before ? after.filter((f) => (before.get(f.key)?.text ?? '') !== f.text) : [];
          const removed = before ? [...before.values()].filter((f) => !after.some((a) => a.key === f.key)) : [];
          return (
            <li key={v.version} className="history-item" data-testid={`version-${v.version}`}>
              <details open={i === 0 && !!prev}>
                <summary>
                  <span className="strong">{t('posts.history.version', { n: v.version })}</span>
                  <span className="muted small">
                    {' '}
                    · {v.createdBy.name} · <time dateTime={v.createdAt}>{formatDateTime(v.createdAt)}</time>
                  </span>{' '}
                  {v.verdict && <VerdictBadge verdict={v.verdict} />}
                </summary>
                <div className="history-body">
                  {!prev && <p className="muted small">{t('posts.history.first')}</p>}
                  {prev && changed.length === 0 && removed.length === 0 && <p className="muted small">{t('posts.history.noTextChange')}</p>}
                  {changed.map((f) => (
                    <div key={f.key} className="history-field">
                      <p className="history-field-label small strong">{f.label}</p>
                      <WordDiff before={before?.get(f.key)?.text ?? ''} after={f.text} />
                    </div>
                  ))}
                  {removed.map((f) => (
                    <p key={f.key} className="small muted">
                      {t('posts.history.channelRemoved', { name: f.label })}
                    </p>
                  ))}
                </div>
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
