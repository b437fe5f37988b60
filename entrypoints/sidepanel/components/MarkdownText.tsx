import { memo, useMemo, type ReactNode } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { linkHost, safeUrl } from '../markdown-urls';
import { markUnverifiedFigures, type UnverifiedFigure } from '../unverified-figures';

const plugins = [remarkGfm];

const components: Components = {
  a({ href, children }) {
    // Links the transform rejected keep their text but lose the link.
    if (!href) return <span>{children}</span>;
    // The destination host is always visible, so a link's words cannot hide where it leads.
    const host = linkHost(href);
    const showHost = host !== null && !textOf(children).toLowerCase().includes(host);
    return (
      <a href={href} target="_blank" rel="noopener noreferrer" {...(host === null ? {} : { title: `Opens ${host} in a new tab` })}>
        {children}
        {showHost && (
          <>
            {' '}
            <span className="link-host">({host})</span>
          </>
        )}
      </a>
    );
  },
  // No remote images: they would leak the reader's IP and break the page's CSP. Show the alt text instead.
  img({ alt }) {
    return alt ? <span className="md-image-alt">[{alt}]</span> : null;
  },
  table({ children }) {
    return (
      <div className="md-table-wrap" tabIndex={0} role="group" aria-label="Table">
        <table>{children}</table>
      </div>
    );
  },
};

/** The plain text inside rendered children (strings and numbers, nested elements' text too). */
function textOf(node: ReactNode): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (node !== null && typeof node === 'object' && 'props' in node) return textOf((node.props as { children?: ReactNode }).children);
  return '';
}

/**
 * Assistant text as Markdown (GitHub flavour: tables, lists, code), with raw HTML skipped and only safe links. Figures
 * listed in `unverified` (no tool result of the turn supports them) are marked where they appear.
 */
export const MarkdownText = memo(function MarkdownText({ text, unverified = noFigures }: { text: string; unverified?: readonly UnverifiedFigure[] }) {
  const rehypePlugins = useMemo(() => [markUnverifiedFigures(text, unverified)], [text, unverified]);
  return (
    <div className="markdown">
      <Markdown remarkPlugins={plugins} rehypePlugins={rehypePlugins} skipHtml urlTransform={safeUrl} components={components}>
        {text}
      </Markdown>
    </div>
  );
});

const noFigures: readonly UnverifiedFigure[] = [];
