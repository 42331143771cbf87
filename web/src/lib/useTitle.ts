import { useEffect } from 'react';

/** Sets document.title to "<title> · Regie". */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Regie` : 'Regie';
  }, [title]);
}
