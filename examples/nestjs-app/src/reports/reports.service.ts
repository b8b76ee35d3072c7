import { Injectable, NotFoundException } from '@nestjs/common';
import { execSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CreateReportDto } from './dto/create-report.dto';

export const REPORTS_DIR = join(process.cwd(), 'data', 'reports');
const TEMPLATE_DIR = join(process.cwd(), 'templates');

interface StoredReport extends CreateReportDto {
  id: string;
}

@Injectable()
export class ReportsService {
  async list(): Promise<string[]> {
    return readdirSync(REPORTS_DIR)
      .filter((file) => file.endsWith('.json'))
      .map((file) => basename(file, '.json'));
  }

  render(id: string): string {
    const report = this.load(id);
    const template = readFileSync(join(TEMPLATE_DIR, `${basename(report.template)}.md`), 'utf8');
    const markdown = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => String(report.fields[key] ?? ''));
    // pandoc turns the filled-in Markdown template into HTML
    return execSync('pandoc --from markdown --to html5', { input: markdown, encoding: 'utf8' });
  }

  async create(dto: CreateReportDto): Promise<StoredReport> {
    const report: StoredReport = { id: randomUUID(), ...dto };
    mkdirSync(REPORTS_DIR, { recursive: true });
    writeFileSync(join(REPORTS_DIR, `${report.id}.json`), JSON.stringify(report, null, 2));
    return report;
  }

  private load(id: string): StoredReport {
    try {
      return JSON.parse(readFileSync(join(REPORTS_DIR, `${basename(id)}.json`), 'utf8')) as StoredReport;
    } catch {
      throw new NotFoundException(`Report ${id} not found`);
    }
  }
}
