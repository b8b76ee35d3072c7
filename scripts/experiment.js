#!/usr/bin/env node
// `npm run experiment`: what one blocking handler does to every other request, measured.
//
// For each of two servers (scripts/experiment-server.js: a /report handler that reads a file with
// readFileSync, and its twin with `await readFile`), this script starts the server in a child process
// on 127.0.0.1, sends GET /report requests one after another while it sends GET /fast requests at a
// steady rate, records how long every /fast request takes, and stops the server. Then it writes the
// results table into docs/guides/why-it-matters.md (between its markers) and draws
// docs/guides/why-it-matters.png. Loopback only; bounded in requests and in time (a minute at most).
//
//   npm run experiment                       # full run, updates the guide and the chart
//   node scripts/experiment.js --quick --out DIR  # short run, writes results.md and chart.png to DIR
import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Resvg } from '@resvg/resvg-js';

const { values: args } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, out: { type: 'string' } },
});

const GUIDE = new URL('../docs/guides/why-it-matters.md', import.meta.url);
const CHART = new URL('../docs/guides/why-it-matters.png', import.meta.url);
const SERVER = new URL('experiment-server.js', import.meta.url);
const BEGIN = '<!-- begin experiment results (npm run experiment) -->';
const END = '<!-- end experiment results -->';

/** The knobs. Quick mode (for the test suite) keeps the shape and shrinks everything. */
const plan = args.quick
  ? { fileMiB: 4, targetBlockMs: 60, reports: 3, reportEveryMs: 150, fastEveryMs: 5 }
  : { fileMiB: 16, targetBlockMs: 200, reports: 10, reportEveryMs: 500, fastEveryMs: 5 };
const TIME_LIMIT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 10_000;

const children = new Set();
const deadline = setTimeout(() => {
  console.error(`experiment: still running after ${TIME_LIMIT_MS / 1000} s, giving up.`);
  for (const child of children) child.kill();
  rmSync(scratch, { recursive: true, force: true });
  process.exit(1);
}, TIME_LIMIT_MS);
deadline.unref();

const scratch = mkdtempSync(join(tmpdir(), 'event-loop-experiment-'));

async function main() {
  // Other work on the machine shares its CPUs with the server and the load generator: say how much.
  const loadAverageBefore = loadavg()[0];
  // The data file the /report handler reads, and how many reads make the target block: one
  // readFileSync of it, timed here after a warm-up read (page cache), sets the count.
  const dataFile = join(scratch, 'data.bin');
  writeFileSync(dataFile, randomBytes(plan.fileMiB * 1024 * 1024));
  readFileSync(dataFile);
  const started = performance.now();
  for (let read = 0; read < 3; read++) readFileSync(dataFile);
  const oneReadMs = (performance.now() - started) / 3;
  const reads = Math.min(200, Math.max(1, Math.round(plan.targetBlockMs / oneReadMs)));

  const blocking = await measure('blocking', dataFile, reads);
  const awaited = await measure('awaited', dataFile, reads);

  const setup = {
    loadAverage: loadAverageBefore,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    cpus: cpus().length,
    fileMiB: plan.fileMiB,
    reads,
    ...plan,
  };
  const table = resultsMarkdown(blocking, awaited, setup);
  const png = new Resvg(chartSvg(blocking, awaited), {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'width', value: 1200 },
  })
    .render()
    .asPng();

  if (args.out) {
    writeFileSync(join(args.out, 'results.md'), table);
    writeFileSync(join(args.out, 'chart.png'), png);
    writeFileSync(join(args.out, 'results.json'), JSON.stringify({ setup, blocking: summary(blocking), awaited: summary(awaited) }, null, 2));
  } else {
    const guide = readFileSync(GUIDE, 'utf8');
    const begin = guide.indexOf(BEGIN);
    const end = guide.indexOf(END);
    if (begin < 0 || end < begin) throw new Error(`docs/guides/why-it-matters.md lacks the markers ${BEGIN} ... ${END}`);
    writeFileSync(GUIDE, `${guide.slice(0, begin + BEGIN.length)}\n${table}${guide.slice(end)}`);
    writeFileSync(CHART, png);
  }
  process.stdout.write(table);
}

/**
 * One run: start the server, warm it up, then send `plan.reports` GET /report, one every
 * `plan.reportEveryMs` ms (so that a blocking server is idle between them), while GET /fast goes out
 * every `plan.fastEveryMs` ms, until the last report has answered.
 */
async function measure(mode, dataFile, reads) {
  const server = fork(SERVER, [mode, dataFile, String(reads)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.add(server);
  try {
    const port = await new Promise((resolve, reject) => {
      server.once('message', (message) => resolve(message.port));
      server.once('exit', (code) => reject(new Error(`the ${mode} server exited with code ${code} before listening`)));
    });
    const agent = new Agent({ keepAlive: true, maxSockets: 256 });
    const get = (path) => timedGet(agent, port, path);

    for (let warmUp = 0; warmUp < 20; warmUp++) await get('/fast');
    await get('/report');

    const fast = [];
    const reports = [];
    const start = performance.now();
    const inFlight = new Set();
    let due = 0;
    // Timers can fire late on a busy machine: each tick sends every request due by now, so the rate
    // holds. Latency is timed from the moment a request is sent.
    const ticker = setInterval(() => {
      for (const now = performance.now() - start; due <= now; due += plan.fastEveryMs) {
        const sentAt = performance.now() - start;
        const pending = get('/fast').then((ms) => {
          fast.push({ at: sentAt, ms });
        });
        inFlight.add(pending);
        // A failed request fails the run through Promise.all below, not as an unhandled rejection here.
        pending.then(
          () => inFlight.delete(pending),
          () => inFlight.delete(pending),
        );
      }
    }, plan.fastEveryMs);
    const pendingReports = [];
    for (let report = 0; report < plan.reports; report++) {
      await sleepUntil(start + report * plan.reportEveryMs);
      const sentAt = performance.now() - start;
      pendingReports.push(get('/report').then((ms) => reports.push({ at: sentAt, ms })));
    }
    await Promise.all(pendingReports);
    clearInterval(ticker);
    await Promise.all(inFlight);
    agent.destroy();
    fast.sort((a, b) => a.at - b.at);
    return { mode, fast, reports, durationMs: performance.now() - start };
  } finally {
    server.disconnect?.();
    server.kill();
    children.delete(server);
  }
}

function sleepUntil(time) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, time - performance.now())));
}

/** Milliseconds from sending the request to the end of the response body. */
function timedGet(agent, port, path) {
  return new Promise((resolve, reject) => {
    const sent = performance.now();
    const req = request({ host: '127.0.0.1', port, path, agent, timeout: REQUEST_TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - sent));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`GET ${path} took longer than ${REQUEST_TIMEOUT_MS} ms`)));
    req.on('error', reject);
    req.end();
  });
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

function summary(run) {
  const fast = run.fast.map((sample) => sample.ms).sort((a, b) => a - b);
  const reports = run.reports.map((sample) => sample.ms);
  return {
    fastRequests: fast.length,
    p50: percentile(fast, 50),
    p95: percentile(fast, 95),
    p99: percentile(fast, 99),
    max: fast.at(-1),
    over50ms: fast.filter((ms) => ms > 50).length / fast.length,
    reportMean: reports.reduce((sum, ms) => sum + ms, 0) / reports.length,
  };
}

const ms = (value) => (value < 10 ? `${value.toFixed(1)} ms` : `${Math.round(value)} ms`);

function resultsMarkdown(blocking, awaited, setup) {
  const row = (label, run) => {
    const s = summary(run);
    return `| ${label} | ${s.fastRequests} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${Math.round(s.over50ms * 100)} % | ${ms(s.reportMean)} |`;
  };
  return [
    '',
    '| `/report` handler | `/fast` requests | `/fast` p50 | p95 | p99 | max | slower than 50 ms | `/report` mean |',
    '| :-- | --: | --: | --: | --: | --: | --: | --: |',
    row('`readFileSync` (blocking)', blocking),
    row('`await readFile` (awaited)', awaited),
    '',
    `Measured by \`npm run experiment\` on Node.js ${setup.node}, ${setup.platform}, ${setup.cpus} CPUs ` +
      `(load average ${setup.loadAverage.toFixed(1)} before the runs): each run sends ` +
      `${setup.reports} \`GET /report\`, one every ${setup.reportEveryMs} ms, each reading a ${setup.fileMiB} MiB file ` +
      `${setup.reads} times, ` +
      `while \`GET /fast\` goes out every ${setup.fastEveryMs} ms.`,
    '',
  ].join('\n');
}

// ---- the chart: an SVG drawn by hand, rendered to PNG by resvg -------------------------------

const COLORS = { blocking: '#d1495b', awaited: '#2e86ab', grid: '#e3e3e3', text: '#222222', muted: '#666666' };

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function text(x, y, content, { size = 14, anchor = 'start', color = COLORS.text, weight = 'normal' } = {}) {
  return `<text x="${x}" y="${y}" font-size="${size}" text-anchor="${anchor}" fill="${color}" font-weight="${weight}">${escapeXml(content)}</text>`;
}

/** A rounded-up axis maximum with about 5 ticks: 1, 2 or 5 times a power of ten per step. */
function axis(maximum) {
  const rough = maximum / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= rough);
  return { top: Math.ceil(maximum / step) * step, step };
}

function chartSvg(blocking, awaited) {
  const width = 1200;
  const height = 600;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, Helvetica, sans-serif">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(40, 42, 'Latency of GET /fast while GET /report runs on the same Node.js server', { size: 22, weight: 'bold' }),
    text(40, 70, 'The /report handler reads a file with readFileSync (red) or await readFile (blue). Shaded: a blocking /report is running.', {
      size: 15,
      color: COLORS.muted,
    }),
  ];

  // Left: every /fast request over time.
  const left = { x: 90, y: 140, w: 600, h: 380 };
  const tMax = Math.max(blocking.durationMs, awaited.durationMs) / 1000;
  const yMaxRaw = Math.max(...[...blocking.fast, ...awaited.fast].map((sample) => sample.ms), 1);
  const ya = axis(yMaxRaw);
  const xa = axis(tMax);
  const px = (seconds) => left.x + (seconds / xa.top) * left.w;
  const py = (value) => left.y + left.h - (Math.min(value, ya.top) / ya.top) * left.h;
  for (let tick = 0; tick <= ya.top + 1e-9; tick += ya.step) {
    parts.push(`<line x1="${left.x}" x2="${left.x + left.w}" y1="${py(tick)}" y2="${py(tick)}" stroke="${COLORS.grid}"/>`);
    parts.push(text(left.x - 10, py(tick) + 5, String(Math.round(tick)), { size: 13, anchor: 'end', color: COLORS.muted }));
  }
  for (let tick = 0; tick <= xa.top + 1e-9; tick += xa.step) {
    parts.push(text(px(tick), left.y + left.h + 22, String(Number(tick.toFixed(2))), { size: 13, anchor: 'middle', color: COLORS.muted }));
  }
  parts.push(`<line x1="${left.x}" x2="${left.x + left.w}" y1="${left.y + left.h}" y2="${left.y + left.h}" stroke="${COLORS.muted}"/>`);
  parts.push(text(left.x + left.w / 2, left.y + left.h + 48, 'time since the first /report (s)', { size: 14, anchor: 'middle', color: COLORS.muted }));
  parts.push(
    `<text transform="translate(${left.x - 52} ${left.y + left.h / 2}) rotate(-90)" font-size="14" text-anchor="middle" fill="${COLORS.muted}">GET /fast latency (ms)</text>`,
  );
  // Shaded: while a /report of the blocking server is being answered.
  for (const report of blocking.reports) {
    const x = px(report.at / 1000);
    const w = Math.max(1, px((report.at + report.ms) / 1000) - x);
    parts.push(`<rect x="${x.toFixed(1)}" y="${left.y}" width="${w.toFixed(1)}" height="${left.h}" fill="${COLORS.blocking}" fill-opacity="0.1"/>`);
  }
  for (const run of [blocking, awaited]) {
    for (const sample of run.fast) {
      parts.push(`<circle cx="${px(sample.at / 1000).toFixed(1)}" cy="${py(sample.ms).toFixed(1)}" r="2.6" fill="${COLORS[run.mode]}" fill-opacity="0.75"/>`);
    }
  }

  // Right: percentiles side by side.
  const right = { x: 800, y: 140, w: 360, h: 380 };
  const stats = { blocking: summary(blocking), awaited: summary(awaited) };
  const keys = ['p50', 'p95', 'p99', 'max'];
  const ba = axis(Math.max(stats.blocking.max, stats.awaited.max, 1));
  const by = (value) => right.y + right.h - (value / ba.top) * right.h;
  for (let tick = 0; tick <= ba.top + 1e-9; tick += ba.step) {
    parts.push(`<line x1="${right.x}" x2="${right.x + right.w}" y1="${by(tick)}" y2="${by(tick)}" stroke="${COLORS.grid}"/>`);
    parts.push(text(right.x - 10, by(tick) + 5, String(Math.round(tick)), { size: 13, anchor: 'end', color: COLORS.muted }));
  }
  parts.push(`<line x1="${right.x}" x2="${right.x + right.w}" y1="${right.y + right.h}" y2="${right.y + right.h}" stroke="${COLORS.muted}"/>`);
  const group = right.w / keys.length;
  const bar = group * 0.34;
  keys.forEach((key, index) => {
    const center = right.x + group * index + group / 2;
    [
      ['blocking', center - bar - 2],
      ['awaited', center + 2],
    ].forEach(([mode, x]) => {
      const value = stats[mode][key];
      const y = by(value);
      parts.push(`<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${(right.y + right.h - y).toFixed(1)}" fill="${COLORS[mode]}"/>`);
      parts.push(text(x + bar / 2, y - 6, ms(value).replace(' ms', ''), { size: 12, anchor: 'middle', color: COLORS.text }));
    });
    parts.push(text(center, right.y + right.h + 22, key, { size: 14, anchor: 'middle', color: COLORS.muted }));
  });
  parts.push(text(right.x + right.w / 2, right.y + right.h + 48, 'GET /fast latency percentiles (ms)', { size: 14, anchor: 'middle', color: COLORS.muted }));

  // Legend, under the subtitle.
  const legendY = 104;
  [
    ['blocking', 'readFileSync in the /report handler'],
    ['awaited', 'await readFile in the /report handler'],
  ].forEach(([mode, label], index) => {
    const x = 40 + index * 400;
    parts.push(`<rect x="${x}" y="${legendY - 12}" width="14" height="14" fill="${COLORS[mode]}"/>`);
    parts.push(text(x + 22, legendY, label, { size: 14 }));
  });

  parts.push('</svg>');
  return parts.join('\n');
}

// Last, so that every declaration above is initialised.
try {
  await main();
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
