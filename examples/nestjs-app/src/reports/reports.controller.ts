import { Body, Controller, Get, Header, NotFoundException, Param, Post } from '@nestjs/common';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { CreateReportDto } from './dto/create-report.dto';
import { REPORTS_DIR, ReportsService } from './reports.service';

@Controller('reports')
export class ReportsController {
  constructor(private readonly reportsService: ReportsService) {}

  @Get()
  async findAll(): Promise<string[]> {
    return this.reportsService.list();
  }

  @Get(':id')
  @Header('Content-Type', 'text/html')
  render(@Param('id') id: string): string {
    return this.reportsService.render(id);
  }

  @Get(':id/source')
  @Header('Content-Type', 'application/json')
  source(@Param('id') id: string): string {
    const file = this.reportPath(id);
    return fs.readFileSync(file, 'utf8');
  }

  @Post()
  async create(@Body() dto: CreateReportDto) {
    const report = await this.reportsService.create(dto);
    fs.appendFileSync(join(REPORTS_DIR, 'audit.log'), `${new Date().toISOString()} created ${report.id}\n`);
    return report;
  }

  private reportPath(id: string): string {
    const file = join(REPORTS_DIR, `${id.replace(/[^\w-]/g, '')}.json`);
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) {
      throw new NotFoundException(`Report ${id} not found`);
    }
    return file;
  }
}
