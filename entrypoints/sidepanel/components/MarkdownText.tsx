import { memo } from 'react';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { safeUrl } from '../markdown-urls';

const plugins = [remarkGfm];

const components: Components = {
  a({ href, children }) {
    // Links the transform rejected keep their text but lose the link.
    if (!href) return <span>{children}</span>;
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
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

/** Assistant text as Markdown (GitHub flavour: tables, lists, code), with raw HTML skipped and only safe links. */
export const MarkdownText = memo(function MarkdownText({ text }: { text: string }) {
  return (
    <div className="markdown">
      <Markdown remarkPlugins={plugins} skipHtml urlTransform={safeUrl} components={components}>
        {text}
      </Markdown>
    </div>
  );
});
