import { z } from 'zod';
import { chartSchema, type Chart } from './chart';
import { messageRoles } from './conversation';

/** One tool call behind an answer: which tool, on behalf of which agent, whether it worked, and when. */
export const exportedToolSchema = z.object({ name: z.string(), agent: z.string(), ok: z.boolean(), at: z.string() });

/** One message as exported: its decrypted text, and for an answer the figures drawn and the sources used. */
export const exportedMessageSchema = z.object({
  role: z.enum(messageRoles),
  text: z.string(),
  createdAt: z.string(),
  agent: z.string().optional(),
  charts: z.array(chartSchema).default([]),
  citations: z.array(z.object({ url: z.string(), title: z.string() })).default([]),
  tools: z.array(exportedToolSchema).default([]),
});
export type ExportedMessage = z.infer<typeof exportedMessageSchema>;

/** A whole conversation, as the panel downloads it (Markdown or JSON). */
export const conversationExportSchema = z.object({
  format: z.literal('clera-conversation'),
  version: z.literal(1),
  exportedAt: z.string(),
  conversation: z.object({ id: z.string(), title: z.string(), createdAt: z.string(), updatedAt: z.string() }),
  messages: z.array(exportedMessageSchema),
});
export type ConversationExport = z.infer<typeof conversationExportSchema>;

/** A conversation that matched a search, with the words around the first match. */
export const searchHitSchema = z.object({
  conversationId: z.string(),
  title: z.string(),
  updatedAt: z.string(),
  snippet: z.string(),
  matches: z.number().int().positive(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** "clera-aapl-and-the-s-p-500-2026-03-10": a file name from the title and the day, safe on every system. */
export function exportFileName(doc: ConversationExport, extension: 'md' | 'json'): string {
  const slug = doc.conversation.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'conversation';
  return `clera-${slug}-${doc.exportedAt.slice(0, 10)}.${extension}`;
}

/** The JSON export: the document as it is, indented. */
export const conversationJson = (doc: ConversationExport): string => `${JSON.stringify(doc, null, 2)}\n`;

const ROLE_HEADING: Record<ExportedMessage['role'], string> = { user: 'You', assistant: 'Clera', notice: 'Notice' };

const unitSuffix = (unit: Chart['unit']) => (unit === 'pct' ? ' (%)' : unit === 'usd' ? ' ($)' : ' (index, 100 = start)');
const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A chart as a Markdown table of its data, with its caption (source, range, time). */
function chartMarkdown(chart: Chart): string[] {
  const rows = chart.kind === 'line' ? chart.x : chart.categories;
  const head = `| ${chart.kind === 'line' ? 'Date' : 'Category'} | ${chart.series.map((series) => cell(series.label + unitSuffix(chart.unit))).join(' | ')} |`;
  const rule = `| --- | ${chart.series.map(() => '---:').join(' | ')} |`;
  const body = rows.map((row, index) => `| ${cell(row)} | ${chart.series.map((series) => { const value = series.values[index]; return value === null || value === undefined ? '' : String(value); }).join(' | ')} |`);
  const range = chart.source.range ? `, ${chart.source.range.start} to ${chart.source.range.end}` : '';
  return [`**Figure: ${cell(chart.title)}**`, '', head, rule, ...body, '', `_Source: ${chart.source.provider}${range}; as of ${chart.source.asOf}._`];
}

/**
 * The Markdown export: a heading per message with its time, the text as written, then each figure as a table of its
 * data with its source, the web sources cited, and the tools whose results the answer used.
 */
export function conversationMarkdown(doc: ConversationExport): string {
  const lines = [`# ${doc.conversation.title || 'Conversation'}`, '', `Exported from Clera on ${doc.exportedAt}. Started ${doc.conversation.createdAt}.`, ''];
  for (const message of doc.messages) {
    lines.push(`## ${ROLE_HEADING[message.role]}${message.agent ? ` (${message.agent.replace(/_/g, ' ')})` : ''} · ${message.createdAt}`, '', message.text.trim() || '_(no text)_', '');
    for (const chart of message.charts) lines.push(...chartMarkdown(chart), '');
    if (message.citations.length > 0) {
      lines.push('Sources:', ...message.citations.map((citation) => `- [${cell(citation.title || citation.url)}](${citation.url})`), '');
    }
    if (message.tools.length > 0) {
      lines.push('Tools used:', ...message.tools.map((tool) => `- \`${tool.name}\` (${tool.agent.replace(/_/g, ' ')}, ${tool.ok ? 'ok' : 'failed'}, ${tool.at})`), '');
    }
  }
  lines.push('---', '', '_Not investment advice. Figures come from the tools listed under each answer._', '');
  return lines.join('\n');
}

/** The words around the first match of `query` in `text` (about 140 characters), or null when it does not occur. */
export function matchSnippet(text: string, query: string): { snippet: string; matches: number } | null {
  const needle = query.trim().toLowerCase();
  if (!needle) return null;
  const haystack = text.toLowerCase();
  let at = haystack.indexOf(needle);
  if (at < 0) return null;
  const first = at;
  let matches = 0;
  while (at >= 0) {
    matches += 1;
    at = haystack.indexOf(needle, at + needle.length);
  }
  const start = Math.max(0, first - 60);
  const end = Math.min(text.length, first + needle.length + 80);
  const snippet = `${start > 0 ? '…' : ''}${text.slice(start, end).replace(/\s+/g, ' ').trim()}${end < text.length ? '…' : ''}`;
  return { snippet, matches };
}
