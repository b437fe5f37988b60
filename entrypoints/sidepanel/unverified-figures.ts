import type { Element, ElementContent, Root, RootContent, Text } from 'hast';

/** A figure of the answer that no tool result of the turn supports: its text and where it is in the Markdown source. */
export interface UnverifiedFigure {
  text: string;
  start: number;
  end: number;
  reason: string;
}

/** The title every unverified figure carries (the accessible description outside tests look for). */
export function unverifiedTitle(reason: string): string {
  return `Unverified figure: not found in this answer's data (${reason})`;
}

/**
 * A rehype plugin that wraps each unverified figure of the rendered Markdown in a focusable `<mark>` whose title says
 * it is unverified and why. Figures are found by their source offsets in the text nodes (positions survive from the
 * Markdown); when a text node's value differs from its source (escapes, entities), the figure's text is searched
 * inside it instead. A figure split across formatting is left unmarked rather than marked wrongly.
 */
export function markUnverifiedFigures(source: string, figures: readonly UnverifiedFigure[]) {
  return () => (tree: Root) => {
    if (figures.length > 0) visit(tree, source, figures);
  };
}

function visit(parent: Root | Element, source: string, figures: readonly UnverifiedFigure[]): void {
  const next: (RootContent | ElementContent)[] = [];
  for (const child of parent.children) {
    if (child.type === 'text') next.push(...split(child, source, figures));
    else {
      if (child.type === 'element') visit(child, source, figures);
      next.push(child);
    }
  }
  parent.children = next;
}

function split(node: Text, source: string, figures: readonly UnverifiedFigure[]): ElementContent[] {
  const from = node.position?.start.offset;
  const to = node.position?.end.offset;
  if (from === undefined || to === undefined) return [node];
  const exact = source.slice(from, to) === node.value;
  const cuts: { start: number; end: number; figure: UnverifiedFigure }[] = [];
  for (const figure of figures) {
    if (figure.start < from || figure.end > to) continue;
    const start = exact ? figure.start - from : node.value.indexOf(figure.text);
    if (start < 0 || node.value.slice(start, start + figure.text.length) !== figure.text) continue;
    cuts.push({ start, end: start + figure.text.length, figure });
  }
  if (cuts.length === 0) return [node];
  cuts.sort((a, b) => a.start - b.start);
  const parts: ElementContent[] = [];
  let at = 0;
  for (const cut of cuts) {
    if (cut.start < at) continue; // overlapping figures: the first one wins
    if (cut.start > at) parts.push({ type: 'text', value: node.value.slice(at, cut.start) });
    parts.push({
      type: 'element',
      tagName: 'mark',
      properties: { className: ['unverified-figure'], tabIndex: 0, title: unverifiedTitle(cut.figure.reason) },
      children: [{ type: 'text', value: node.value.slice(cut.start, cut.end) }],
    });
    at = cut.end;
  }
  if (at < node.value.length) parts.push({ type: 'text', value: node.value.slice(at) });
  return parts;
}
