import { lazy, Suspense } from 'react';
import type { UnverifiedFigure } from '../unverified-figures';

/** The Markdown renderer (react-markdown, remark-gfm: about a third of the panel's own code) loads on first use. */
const loadMarkdown = () => import('./MarkdownText');
const MarkdownText = lazy(() => loadMarkdown().then((module) => ({ default: module.MarkdownText })));

/** Starts loading the Markdown renderer without waiting for an answer to need it (called once the panel is up). */
export function preloadMarkdown(): void {
  void loadMarkdown();
}

/**
 * An answer's text as Markdown. Until the renderer has loaded (a moment after the panel opens), the text shows as it
 * was written, so the conversation is readable at once.
 */
export function LazyMarkdownText({ text, unverified }: { text: string; unverified?: readonly UnverifiedFigure[] }) {
  return (
    <Suspense fallback={<div className="markdown markdown-pending">{text}</div>}>
      <MarkdownText text={text} {...(unverified ? { unverified } : {})} />
    </Suspense>
  );
}
