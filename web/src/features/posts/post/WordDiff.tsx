import { useTranslation } from 'react-i18next';
import { diffWords } from '../../../../../src/core/content/text-diff';

/** What changed from `before` to `after`, word by word: insertions green, deletions red and struck through. */
export function WordDiff({ before, after, testId = 'word-diff' }: { before: string; after: string; testId?: string }) {
  const { t } = useTranslation();
  const ops = diffWords(before, after);
  return (
    <p className="word-diff" data-testid={testId}>
      {ops.map((o, i) =>
        o.op === 'eq' ? (
          <span key={i}>{o.text}</span>
        ) : o.op === 'ins' ? (
          <ins key={i} className="diff-ins">
            <span className="visually-hidden">[{t('posts.diff.added')}: </span>
            {o.text}
            <span className="visually-hidden">]</span>
          </ins>
        ) : (
          <del key={i} className="diff-del">
            <span className="visually-hidden">[{t('posts.diff.removed')}: </span>
            {o.text}
            <span className="visually-hidden">]</span>
          </del>
        ),
      )}
    </p>
  );
}
