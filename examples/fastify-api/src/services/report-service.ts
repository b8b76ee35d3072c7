import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const REPORT_DIR = path.resolve('data/reports');
const REPORT_TEMPLATE = readFileSync(path.resolve('templates/report.html'), 'utf8');

interface StoredReport {
  title: string;
  rows: { label: string; value: number }[];
}

export interface ReportSummary {
  id: string;
  title: string;
}

function loadReport(id: string): StoredReport {
  return JSON.parse(readFileSync(path.join(REPORT_DIR, `${path.basename(id)}.json`), 'utf8'));
}

export function listReports(): ReportSummary[] {
  return readdirSync(REPORT_DIR)
    .filter((name) => name.endsWith('.json'))
    .map((name) => {
      const id = path.basename(name, '.json');
      return { id, title: loadReport(id).title };
    });
}

export function renderReport(id: string): string {
  const report = loadReport(id);
  const rows = report.rows
    .map((row) => `<tr><td>${row.label}</td><td>${row.value.toFixed(2)}</td></tr>`)
    .join('\n');
  return REPORT_TEMPLATE.replace('{{title}}', report.title).replace('{{rows}}', rows);
}
