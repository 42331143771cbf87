import { BriefBoardPage } from './BriefBoardPage';
import { BriefPage } from './BriefPage';

/** /w/:ws/briefs[/:id] — the brief board (with campaigns) and one brief. */
export function BriefsRoutes({ sub }: { sub: string | null }) {
  if (sub === null) return <BriefBoardPage />;
  return <BriefPage key={sub} id={sub} />;
}
