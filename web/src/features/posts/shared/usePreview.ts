import { useEffect, useRef, useState } from 'react';
import type { PostContent, PreviewResult } from '../api';
import { postsApi } from '../api';

export const PREVIEW_DEBOUNCE_MS = 300;

export interface PreviewState {
  data: PreviewResult | null;
  error: unknown;
  /** A check is waiting for its debounce or its answer; `data` still shows the previous result. */
  pending: boolean;
}

/**
 * The live check: POST /posts/preview for `content`, 300 ms after the last change, cancelling an answer that is no
 * longer wanted. Keeps the previous result while a new one comes, so the preview does not jump. `content` null
 * (nothing to check yet) clears it.
 */
export function usePreview(workspaceId: string, content: PostContent | null, sendAt: string | null): PreviewState {
  const [state, setState] = useState<PreviewState>({ data: null, error: null, pending: content !== null });
  const key = content ? JSON.stringify([content, sendAt]) : '';
  const latest = useRef({ content, sendAt });
  latest.current = { content, sendAt };

  useEffect(() => {
    const { content: c, sendAt: at } = latest.current;
    if (!c) {
      setState({ data: null, error: null, pending: false });
      return;
    }
    setState((s) => (s.pending ? s : { ...s, pending: true }));
    const ctl = new AbortController();
    const timer = window.setTimeout(() => {
      postsApi
        .preview(workspaceId, c, at, ctl.signal)
        .then((data) => {
          if (!ctl.signal.aborted) setState({ data, error: null, pending: false });
        })
        .catch((error: unknown) => {
          if (!ctl.signal.aborted) setState((s) => ({ data: s.data, error, pending: false }));
        });
    }, PREVIEW_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      ctl.abort();
    };
  }, [workspaceId, key]);

  return state;
}
