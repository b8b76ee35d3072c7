import type { FastifyInstance } from 'fastify';
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';

export default async function healthRoutes(app: FastifyInstance) {
  app.get('/health', async (_request, reply) => {
    try {
      await access('data', constants.W_OK);
      const { version } = JSON.parse(await readFile('package.json', 'utf8')) as { version: string };
      return { status: 'ok', version, uptime: process.uptime() };
    } catch (error) {
      return reply.code(503).send({ status: 'degraded', error: (error as Error).message });
    }
  });
}
