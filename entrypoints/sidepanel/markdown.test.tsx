import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { MarkdownText } from './components/MarkdownText';
import { safeUrl } from './markdown-urls';

const render = (text: string) => renderToStaticMarkup(<MarkdownText text={text} />);

describe('assistant Markdown', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://example.com', 'http://example.com'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['javascript:alert(1)', ''],
    ['JaVaScRiPt:alert(1)', ''],
    ['data:text/html,<b>x</b>', ''],
    ['chrome-extension://abc/options.html', ''],
    ['/relative', ''],
  ])('keeps only http, https and mailto links: %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it('opens links in a new tab without an opener', () => {
    expect(render('[docs](https://example.com)')).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer">docs</a>');
  });

  it('drops unsafe links but keeps their text', () => {
    const html = render('[click](javascript:alert(1))');
    expect(html).not.toContain('javascript');
    expect(html).not.toContain('<a');
    expect(html).toContain('click');
  });

  it('skips raw HTML', () => {
    const html = render('Hello <script>alert(1)</script><img src=x onerror=alert(1)> <b>bold</b>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('onerror');
    expect(html).not.toContain('<b>');
  });

  it('renders GitHub tables, lists and code', () => {
    const html = render('| Symbol | Price |\n|---|---:|\n| AAPL | 190.12 |\n\n- one\n- two\n\n`code`');
    expect(html).toContain('<table>');
    expect(html).toContain('<td style="text-align:right">190.12</td>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('<code>code</code>');
  });

  it('shows image alt text instead of loading remote images', () => {
    const html = render('![a chart](https://example.com/chart.png)');
    expect(html).not.toContain('<img');
    expect(html).toContain('[a chart]');
  });
});
