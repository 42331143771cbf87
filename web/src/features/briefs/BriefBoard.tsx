import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel } from '../../api/types';
import type { Brief, BriefStatus } from './api';
import { BriefCard } from './BriefCard';
import { boardColumns } from './boardColumns';

/** The status board: four columns, each a headed list of cards. Moving happens on a brief's own page. */
export function BriefBoard({
  briefs,
  channelsById,
  hrefOf,
}: {
  briefs: Brief[];
  channelsById: Map<string, Channel>;
  hrefOf: (id: string) => string;
}) {
  const columns = boardColumns(briefs);
  return (
    <div className="brief-board-wrap">
      <div className="brief-board" data-testid="brief-board">
        {columns.map((c) => (
          <BoardColumn key={c.status} status={c.status} briefs={c.briefs} channelsById={channelsById} hrefOf={hrefOf} />
        ))}
      </div>
    </div>
  );
}

function BoardColumn({
  status,
  briefs,
  channelsById,
  hrefOf,
}: {
  status: BriefStatus;
  briefs: Brief[];
  channelsById: Map<string, Channel>;
  hrefOf: (id: string) => string;
}) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className={`brief-column brief-column-${status}`} aria-labelledby={headingId} data-testid={`brief-column-${status}`}>
      <h2 id={headingId} className="brief-column-title">
        <span className={`brief-status-dot status-${status}`} aria-hidden="true" />
        {t(`briefs.status.${status}`)}
        <span className="count">
          <span className="visually-hidden">{t('briefs.board.countLabel')} </span>
          {briefs.length}
        </span>
      </h2>
      {briefs.length === 0 ? (
        <p className="brief-column-empty">{t(`briefs.board.emptyColumn.${status}`)}</p>
      ) : (
        <ul className="brief-list" role="list">
          {briefs.map((b) => (
            <BriefCard key={b.id} brief={b} href={hrefOf(b.id)} channelsById={channelsById} />
          ))}
        </ul>
      )}
    </section>
  );
}
