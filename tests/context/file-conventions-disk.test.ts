/**
 * File conventions that read the project's config from disk (Astro's `output`), in a long-lived
 * process: an edit of the config is seen within the config files' check interval
 * (src/util/config-files.ts), without a restart. The fixtures of file-conventions.test.ts show
 * each config's verdict; these write a project and edit it under a fake clock.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Linter } from 'eslint';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { config } from '../linter-config.js';
import { ts } from '../rules/no-sync-fs.helpers.js';
import { tempProject, writeFiles } from '../temp-project.js';

const ENDPOINT = ts`
  import fs from 'fs';
  import type { APIRoute } from 'astro';
  export const GET: APIRoute = async ({ params }) => new Response(String(fs.existsSync(params.feed)));
  export const POST: APIRoute = async ({ request }) => new Response(String(fs.existsSync(await request.text())));
`;

const astroConfig = (output: string): string => ts`
  import { defineConfig } from 'astro/config';

  export default defineConfig({
    output: '${output}',
  });
`;

/** The lines no-sync-fs reports in the endpoint, linted as the project's `src/pages/api/feeds.ts`. */
function reportedLines(dir: string): number[] {
  const file = path.join(dir, 'src/pages/api/feeds.ts');
  const messages = new Linter({ cwd: dir }).verify(ENDPOINT, config(), file);
  expect(messages.filter((message) => message.fatal)).toEqual([]);
  return messages.map((message) => message.line);
}

describe('Astro: an edit of the project config, in a long-lived process', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  let mtime = Date.parse('2024-01-01T00:00:00Z') / 1000;
  /** Writes the config with a new modification time, and moves the clock past the check interval. */
  const save = (dir: string, output: string): void => {
    writeFiles(dir, { 'astro.config.mjs': astroConfig(output) });
    fs.utimesSync(path.join(dir, 'astro.config.mjs'), (mtime += 60), mtime);
    vi.setSystemTime(Date.now() + 6_000);
  };

  it('static output, then server output: GET runs per request from the next lint on, and again not once static', () => {
    const dir = tempProject({}, 'astro');
    save(dir, 'static');
    // Static: GET is prerendered at build time, POST runs on demand.
    expect(reportedLines(dir)).toEqual([4]);

    save(dir, 'server');
    expect(reportedLines(dir)).toEqual([3, 4]);

    save(dir, 'static');
    expect(reportedLines(dir)).toEqual([4]);
  });

  it('a config written where there was none', () => {
    const dir = tempProject({}, 'astro');
    vi.setSystemTime(Date.now() + 6_000);
    // No config, but the file imports astro: static output, Astro's default.
    expect(reportedLines(dir)).toEqual([4]);

    save(dir, 'server');
    expect(reportedLines(dir)).toEqual([3, 4]);
  });
});
