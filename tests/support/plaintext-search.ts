/**
 * The base64 forms `secret` can take inside a longer base64 text: its bytes may start at any of three offsets of a
 * 3-byte group, so each offset gives a different core (the characters that do not depend on the neighbours).
 */
export function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  return [0, 1, 2].map((offset) => {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64').replace(/=+$/, '');
    const start = Math.ceil((offset * 8) / 6);
    const end = Math.floor(((offset + bytes.length) * 8) / 6);
    return encoded.slice(start, end);
  });
}

/** Where each secret shows up in `dump` (plain, JSON-escaped or base64), with a little context; empty when nowhere. */
export function plaintextFindings(dump: string, secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [label, secret] of Object.entries(secrets)) {
    const forms = new Set([secret, JSON.stringify(secret).slice(1, -1), ...base64Forms(secret)]);
    for (const form of forms) {
      const at = dump.indexOf(form);
      if (at >= 0) found.push(`${label} (${form === secret ? 'plaintext' : 'encoded'}) near …${dump.slice(Math.max(0, at - 120), at + form.length + 40)}…`);
    }
  }
  return found;
}
