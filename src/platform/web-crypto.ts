/** The browser's WebCrypto (the core takes it injected; this is the default the composition root and defaults use). */
export function systemSubtle(): SubtleCrypto {
  return crypto.subtle;
}
