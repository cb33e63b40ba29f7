// The files of the ops console (apps/ops-console: HTML, CSS, ES modules) and the chart
// library it uses (uPlot, from node_modules), read once at start-up and served from memory with
// an ETag. Only these files are served: a request names a key of the map, never a path on disk.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Injectable } from '@nestjs/common';

export interface ConsoleAsset {
  body: Buffer;
  contentType: string;
  etag: string;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Files of the chart library, by the name the console asks for under /console/vendor/. */
const VENDOR_FILES: Record<string, string> = {
  'uPlot.iife.min.js': 'uplot/dist/uPlot.iife.min.js',
  'uPlot.min.css': 'uplot/dist/uPlot.min.css',
};

@Injectable()
export class ConsoleAssets {
  private readonly assets = new Map<string, ConsoleAsset>();

  constructor() {
    const root = consoleFolder();
    for (const file of filesUnder(root)) this.add(path.relative(root, file).split(path.sep).join('/'), file);
    for (const [name, module] of Object.entries(VENDOR_FILES)) this.add(`vendor/${name}`, require.resolve(module));
  }

  /** An asset by its path under /console/ ("app.js", "views/overview.js", "vendor/uPlot.min.css"). */
  get(name: string): ConsoleAsset | undefined {
    return this.assets.get(name);
  }

  private add(name: string, file: string): void {
    const contentType = CONTENT_TYPES[path.extname(file)];
    if (!contentType) return;
    const body = fs.readFileSync(file);
    this.assets.set(name, { body, contentType, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` });
  }
}

/** apps/ops-console, found from here both in the sources and in dist/. */
function consoleFolder(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'apps', 'ops-console');
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate;
  }
  throw new Error(`the ops console (apps/ops-console/index.html) is missing above ${__dirname}`);
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : [full];
  });
}
