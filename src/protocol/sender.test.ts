import { describe, expect, it } from 'vitest';
import { isOwnPage } from './sender';

const id = 'abcdefghijklmnopabcdefghijklmnop';

describe('isOwnPage', () => {
  it.each([
    ['the side panel', { id, url: `chrome-extension://${id}/sidepanel.html`, origin: `chrome-extension://${id}` }, true],
    ['the options page without an origin field', { id, url: `chrome-extension://${id}/options.html` }, true],
    ['a content script on a web page', { id, url: 'https://evil.example/page', origin: 'https://evil.example' }, false],
    ['a content script claiming the extension url but with a page origin', { id, url: `chrome-extension://${id}/x.html`, origin: 'https://evil.example' }, false],
    ['another extension', { id: 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', url: 'chrome-extension://zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz/p.html' }, false],
    ['a web page (no id)', { url: 'https://evil.example/' }, false],
    ['a sender with no url', { id }, false],
    ['a malformed url', { id, url: 'not a url' }, false],
  ])('%s → %s', (_name, sender, expected) => {
    expect(isOwnPage(sender, id)).toBe(expected);
  });
});
