/**
 * Sizes of the built extension: raw and gzip (node:zlib, level 9) per file, grouped by which page loads it. A file
 * referenced by several pages' HTML is "shared"; the background is the service worker's script.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** 'background', one group per HTML page ('side panel', 'options', …), 'shared (n pages)', or 'other'. */
export type BundleGroup = string;

export interface BundleFile {
  file: string;
  group: BundleGroup;
  kind: 'js' | 'css' | 'html' | 'json' | 'other';
  raw: number;
  gzip: number;
}

export interface BundleResult {
  dir: string;
  builtAt: string;
  files: BundleFile[];
  groups: { group: BundleGroup; files: number; raw: number; gzip: number }[];
  /** Everything the side panel page loads (its HTML, scripts and styles), the figure that matters for opening it. */
  sidePanelLoad: { raw: number; gzip: number };
  /** The JavaScript among it: what the panel parses before it can run (lazily imported chunks are not counted). */
  sidePanelJs: { raw: number; gzip: number };
  total: { files: number; raw: number; gzip: number };
}

async function walk(dir: string, root = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      return entry.isDirectory() ? walk(full, root) : [path.relative(root, full)];
    }),
  );
  return nested.flat().sort();
}

/** The files an HTML page references (script src, link href), relative to the output root. */
function referencedBy(html: string): Set<string> {
  const refs = new Set<string>();
  for (const match of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
    const ref = match[1];
    if (ref && !/^[a-z]+:/i.test(ref)) refs.add(ref.replace(/^\//, ''));
  }
  return refs;
}

function kindOf(file: string): BundleFile['kind'] {
  const ext = path.extname(file).slice(1);
  return ext === 'js' || ext === 'css' || ext === 'html' || ext === 'json' ? ext : 'other';
}

const PAGE_NAMES: Record<string, string> = { sidepanel: 'side panel', options: 'options' };

export async function measureBundle(dir: string): Promise<BundleResult> {
  const files = await walk(dir);
  const pages = files.filter((f) => !f.includes('/') && f.endsWith('.html'));
  const refs = new Map<string, Set<string>>();
  for (const page of pages) {
    const referenced = referencedBy(await readFile(path.join(dir, page), 'utf8'));
    referenced.add(page);
    refs.set(page, referenced);
  }
  const pageName = (page: string) => {
    const base = page.replace(/\.html$/, '');
    return PAGE_NAMES[base] ?? `${base} page`;
  };

  const measured: BundleFile[] = [];
  for (const file of files) {
    const content = await readFile(path.join(dir, file));
    const loadedBy = pages.filter((page) => refs.get(page)?.has(file));
    const group = file === 'background.js' ? 'background' : loadedBy.length > 1 ? `shared (${loadedBy.length} pages)` : loadedBy[0] ? pageName(loadedBy[0]) : 'other';
    measured.push({ file, group, kind: kindOf(file), raw: content.byteLength, gzip: gzipSync(content, { level: 9 }).byteLength });
  }

  const rank = (group: string) => (group === 'background' ? 0 : group === 'side panel' ? 1 : group === 'options' ? 2 : group.startsWith('shared') ? 4 : group === 'other' ? 5 : 3);
  const names = [...new Set(measured.map((f) => f.group))].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const groups = names.map((group) => {
    const members = measured.filter((f) => f.group === group);
    return { group, files: members.length, raw: members.reduce((sum, f) => sum + f.raw, 0), gzip: members.reduce((sum, f) => sum + f.gzip, 0) };
  });
  const panelRefs = refs.get('sidepanel.html') ?? new Set<string>();
  const panelFiles = measured.filter((f) => panelRefs.has(f.file));
  const manifest = await stat(path.join(dir, 'manifest.json')).catch(() => undefined);
  return {
    dir,
    builtAt: manifest ? manifest.mtime.toISOString() : 'unknown',
    files: measured,
    groups,
    sidePanelLoad: { raw: panelFiles.reduce((sum, f) => sum + f.raw, 0), gzip: panelFiles.reduce((sum, f) => sum + f.gzip, 0) },
    sidePanelJs: {
      raw: panelFiles.filter((f) => f.kind === 'js').reduce((sum, f) => sum + f.raw, 0),
      gzip: panelFiles.filter((f) => f.kind === 'js').reduce((sum, f) => sum + f.gzip, 0),
    },
    total: { files: measured.length, raw: measured.reduce((sum, f) => sum + f.raw, 0), gzip: measured.reduce((sum, f) => sum + f.gzip, 0) },
  };
}
