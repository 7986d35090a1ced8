/**
 * The inbox page's static files (`ui/` in the package: plain HTML, CSS and an ES module, no
 * build step). Found from this module's location, which is `src/inbox/` when run from source
 * and `dist/` when built, and read once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files the page may load, with their content types. Nothing else is served. */
export const ASSETS = {
  'inbox.html': 'text/html; charset=utf-8',
  'inbox.css': 'text/css; charset=utf-8',
  'inbox.js': 'text/javascript; charset=utf-8',
} as const;

/** A file name of the page. */
export type AssetName = keyof typeof ASSETS;

const cache = new Map<AssetName, string>();

/** The text of one page file. */
export function readAsset(name: AssetName): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(uiDir(), name), 'utf8');
    cache.set(name, text);
  }
  return text;
}

let found: string | undefined;

function uiDir(): string {
  if (found !== undefined) return found;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'ui');
    if (existsSync(join(candidate, 'inbox.html'))) {
      found = candidate;
      return candidate;
    }
    dir = dirname(dir);
  }
  throw new Error('@mailbridge/emulator: the inbox page files (ui/) are missing from the package');
}
