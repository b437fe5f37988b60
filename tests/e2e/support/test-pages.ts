import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/pages');

/** Local test pages on 127.0.0.1 (a quote page, an article, a hostile page), from tests/fixtures/pages. */
export const testPageFiles = {
  '/quote': 'investing-quote.html',
  '/article': 'article-cashtags.html',
  '/hostile': 'hostile.html',
} as const;

export interface TestPages {
  url(page: keyof typeof testPageFiles): string;
  close(): Promise<void>;
}

export async function startTestPages(): Promise<TestPages> {
  const server: Server = createServer((request, response) => {
    const file = testPageFiles[(request.url ?? '/').split('?')[0] as keyof typeof testPageFiles] as string | undefined;
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(path.join(fixtures, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: (page) => `http://127.0.0.1:${port}${page}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => { resolve(); }); }),
  };
}
