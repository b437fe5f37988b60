import { describe, expect, it } from 'vitest';
import { parseJson } from './json';
import { conversationExportSchema, conversationJson, conversationMarkdown, exportFileName, matchSnippet, type ConversationExport } from './conversation-export';

const doc: ConversationExport = {
  format: 'clera-conversation',
  version: 1,
  exportedAt: '2026-03-10T15:30:00.000Z',
  conversation: { id: 'c1', title: 'AAPL & the S&P 500?', createdAt: '2026-03-10T15:00:00.000Z', updatedAt: '2026-03-10T15:01:00.000Z' },
  messages: [
    { role: 'user', text: 'How did AAPL do?', createdAt: '2026-03-10T15:00:00.000Z', charts: [], citations: [], tools: [] },
    {
      role: 'assistant',
      agent: 'financial_analyst',
      text: 'AAPL rose **2.1%** | more than the index.',
      createdAt: '2026-03-10T15:00:05.000Z',
      charts: [
        { id: 'alloc', kind: 'bar', title: 'Allocation', unit: 'pct', categories: ['Stocks', 'Bonds'], series: [{ label: 'Now', values: [60, null] }], source: { provider: 'Alpaca positions', range: null, asOf: '2026-03-10T15:00:04.000Z' } },
      ],
      citations: [{ url: 'https://example.com/a', title: 'Apple results' }],
      tools: [{ name: 'get_quote', agent: 'financial_analyst', ok: true, at: '2026-03-10T15:00:03.000Z' }],
    },
  ],
};

describe('conversation export', () => {
  it('renders Markdown: title, each message with who and when, figures as tables with their source, sources and tools', () => {
    expect(conversationMarkdown(doc)).toBe(
      [
        '# AAPL & the S&P 500?',
        '',
        'Exported from Clera on 2026-03-10T15:30:00.000Z. Started 2026-03-10T15:00:00.000Z.',
        '',
        '## You · 2026-03-10T15:00:00.000Z',
        '',
        'How did AAPL do?',
        '',
        '## Clera (financial analyst) · 2026-03-10T15:00:05.000Z',
        '',
        'AAPL rose **2.1%** | more than the index.',
        '',
        '**Figure: Allocation**',
        '',
        '| Category | Now (%) |',
        '| --- | ---: |',
        '| Stocks | 60 |',
        '| Bonds |  |',
        '',
        '_Source: Alpaca positions; as of 2026-03-10T15:00:04.000Z._',
        '',
        'Sources:',
        '- [Apple results](https://example.com/a)',
        '',
        'Tools used:',
        '- `get_quote` (financial analyst, ok, 2026-03-10T15:00:03.000Z)',
        '',
        '---',
        '',
        '_Not investment advice. Figures come from the tools listed under each answer._',
        '',
      ].join('\n'),
    );
  });

  it('renders JSON that parses back to the same document', () => {
    expect(parseJson(conversationExportSchema, conversationJson(doc))).toEqual(doc);
  });

  it('names the file from the title and the day', () => {
    expect(exportFileName(doc, 'md')).toBe('clera-aapl-the-s-p-500-2026-03-10.md');
    expect(exportFileName({ ...doc, conversation: { ...doc.conversation, title: '???' } }, 'json')).toBe('clera-conversation-2026-03-10.json');
  });

  it('finds the words around a match and counts the matches', () => {
    expect(matchSnippet('Bonds are calm. BONDS pay coupons.', 'bonds')).toEqual({ snippet: 'Bonds are calm. BONDS pay coupons.', matches: 2 });
    expect(matchSnippet('nothing here', 'bonds')).toBeNull();
    expect(matchSnippet(`${'x'.repeat(100)} needle ${'y'.repeat(100)}`, 'needle')?.snippet).toMatch(/^….{60}needle.{80}…$/);
  });
});
