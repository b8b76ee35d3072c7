import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { listReports, renderReport } from '../services/report-service.js';

const REPORT_DIR = path.resolve('data/reports');

interface ReportParams {
  id: string;
}

export default async function reportRoutes(app: FastifyInstance) {
  app.get('/reports', async () => {
    return listReports();
  });

  app.get('/reports/:id', async (request, reply) => {
    const { id } = request.params as ReportParams;
    const file = path.join(REPORT_DIR, `${path.basename(id)}.json`);
    if (!fs.existsSync(file)) {
      return reply.code(404).send({ error: 'report not found' });
    }
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  });

  app.get<{ Params: ReportParams }>('/reports/:id/html', async (request, reply) => {
    const html = renderReport(request.params.id);
    return reply.type('text/html').send(html);
  });
}
