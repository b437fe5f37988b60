/**
 * Text from outside (news, web pages) reduced to plain, short, single-line data before it reaches the model:
 * markup is removed (scripts and styles with their content), entities are decoded once, control and invisible
 * format characters (zero-width, bidi overrides) are dropped and all whitespace becomes single spaces, so the text
 * cannot draw its own tags, turns or hidden instructions.
 */
export function plainText(raw: string, maxLength: number): string {
  const withoutBlocks = raw.slice(0, 20_000).replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ');
  const withoutTags = stripTags(withoutBlocks);
  const decoded = stripTags(decodeEntities(withoutTags));
  return clip(singleLine(decoded), maxLength);
}

/**
 * Control and invisible format characters (zero-width, bidi overrides and isolates, line separators) become spaces and
 * all whitespace collapses to single spaces: what is left reads the same to the model as it looks to a person.
 */
export function singleLine(text: string): string {
  return text
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Cuts at a word boundary near `maxLength` and marks the cut with "…". */
export function clip(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > maxLength * 0.6 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/** An http(s) URL without credentials, or null. */
export function safeUrl(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined || raw.length > 1_000) return null;
  try {
    const url = new URL(raw);
    if ((url.protocol !== 'https:' && url.protocol !== 'http:') || url.username !== '' || url.password !== '') return null;
    return url.toString();
  } catch {
    return null;
  }
}

function stripTags(text: string): string {
  return text.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ').replace(/<\/?[A-Za-z!?][^<>]*(?:>|$)/g, ' ');
}

const namedEntities: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
    }
    return namedEntities[body.toLowerCase()] ?? entity;
  });
}
