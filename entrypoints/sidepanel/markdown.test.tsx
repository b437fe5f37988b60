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
    expect(render('[docs](https://example.com)')).toContain('<a href="https://example.com" target="_blank" rel="noopener noreferrer"');
  });

  it.each([
    ['[Apple earnings](https://evil.example.net/apple)', 'evil.example.net'],
    ['[read more](http://news.example.org:8080/x?y=1)', 'news.example.org'],
    ['[SEC filing](https://WWW.SEC.GOV/cgi-bin/browse)', 'www.sec.gov'],
  ])('shows the destination host of a link: %s', (markdown, host) => {
    const html = render(markdown);
    expect(html).toContain(`<span class="link-host">(${host})</span>`);
    expect(html).toMatch(new RegExp(`<a [^>]*title="Opens ${host.replaceAll('.', '\\.')} in a new tab"`));
  });

  it('does not repeat the host when the link text is the address itself', () => {
    const html = render('See https://example.com/page for more.');
    expect(html).toContain('>https://example.com/page</a>');
    expect(html).not.toContain('link-host');
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

describe('unverified figures in an answer', () => {
  const answer = 'Apple is at **$200.00**; analysts expect $999.99 by June.\n\n| Symbol | Target |\n|---|---|\n| AAPL | 12.5% |';
  const figure = (text: string, reason = 'no tool result matches') => {
    const start = answer.indexOf(text);
    return { text, start, end: start + text.length, reason };
  };
  const renderMarked = (figures: { text: string; start: number; end: number; reason: string }[]) =>
    renderToStaticMarkup(<MarkdownText text={answer} unverified={figures} />);

  it('wraps a figure no tool result supports in a focusable mark titled Unverified, with the reason', () => {
    const html = renderMarked([figure('$999.99', 'no tool result equals $999.99')]);
    expect(html).toContain(
      '<mark class="unverified-figure" tabindex="0" title="Unverified figure: not found in this answer&#x27;s data (no tool result equals $999.99)">$999.99</mark>',
    );
    expect(html).toContain('<strong>$200.00</strong>'); // the grounded figure is left alone
  });

  it('marks a figure inside a table cell too', () => {
    expect(renderMarked([figure('12.5%')])).toMatch(/<td><mark class="unverified-figure"[^>]*>12\.5%<\/mark><\/td>/);
  });

  it('marks nothing when every figure is grounded', () => {
    expect(renderMarked([])).not.toContain('<mark');
  });
});
