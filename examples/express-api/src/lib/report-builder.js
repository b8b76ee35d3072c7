import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const SOURCE_DIR = path.resolve('data/sources');
const REPORT_DIR = path.resolve('data/reports');

function loadRows(source) {
  return readFileSync(path.join(SOURCE_DIR, `${path.basename(source)}.csv`), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split(','));
}

export async function buildReport(name, { source, columns } = {}) {
  const [header, ...rows] = loadRows(source ?? name);
  const picked = columns?.length
    ? columns.map((column) => header.indexOf(column)).filter((index) => index >= 0)
    : header.map((_, index) => index);
  const csv = [header, ...rows].map((row) => picked.map((index) => row[index]).join(',')).join('\n');

  mkdirSync(REPORT_DIR, { recursive: true });
  writeFileSync(path.join(REPORT_DIR, `${name}.csv`), csv);
  return { name, rows: rows.length, columns: picked.map((index) => header[index]) };
}
