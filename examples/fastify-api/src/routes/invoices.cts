import type { FastifyInstance } from 'fastify';

const fs = require('node:fs');
const path = require('node:path');

const INVOICE_DIR: string = path.resolve('data/invoices');

async function invoiceRoutes(app: FastifyInstance) {
  app.get('/invoices', async () => {
    return fs
      .readdirSync(INVOICE_DIR)
      .filter((name: string) => name.endsWith('.json'))
      .map((name: string) => path.basename(name, '.json'));
  });

  app.get('/invoices/:id', async (request, reply) => {
    const { readFileSync } = require('node:fs');
    const { id } = request.params as { id: string };
    try {
      return JSON.parse(readFileSync(path.join(INVOICE_DIR, `${path.basename(id)}.json`), 'utf8'));
    } catch {
      return reply.code(404).send({ error: 'invoice not found' });
    }
  });
}

export = invoiceRoutes;
