import { NotFound } from '../../components/FullMessage';
import { CodeDocumentPage } from './CodeDocumentPage';
import { CodePage } from './CodePage';

/** /w/:ws/code[/document] — the organization's code, and its readable, printable page. */
export function CodeRoutes({ sub }: { sub: string | null }) {
  if (sub === null) return <CodePage />;
  if (sub === 'document') return <CodeDocumentPage />;
  return <NotFound />;
}
