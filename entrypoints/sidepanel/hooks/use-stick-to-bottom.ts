import { useCallback, useLayoutEffect, useRef } from 'react';

const NEAR_BOTTOM_PX = 48;

/**
 * Keeps a scroll container pinned to its newest content while the reader is at the bottom; once they scroll up to
 * read, new text no longer pulls them down. Returns the ref for the container and its onScroll handler.
 */
export function useStickToBottom<T extends HTMLElement>(content: unknown) {
  const ref = useRef<T>(null);
  const stuck = useRef(true);

  const onScroll = useCallback(() => {
    const element = ref.current;
    if (!element) return;
    stuck.current = element.scrollHeight - element.scrollTop - element.clientHeight < NEAR_BOTTOM_PX;
  }, []);

  useLayoutEffect(() => {
    const element = ref.current;
    if (element && stuck.current) element.scrollTop = element.scrollHeight;
  }, [content]);

  return { ref, onScroll };
}
