/**
 * A fetch that lowers any `limit` / `page_size` query parameter to `pageSize`, as a server is free to
 * answer with short pages. Lets a test prove that pagination is followed without generating thousands of records.
 */
export function shortPages(pageSize: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    for (const name of ['limit', 'page_size']) {
      const value = url.searchParams.get(name);
      if (value !== null) url.searchParams.set(name, String(Math.min(pageSize, Number(value))));
    }
    return base(new Request(url, request));
  };
}
