import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import { UPLOAD_DIR, saveUpload } from '../services/upload-service.js';

export default async function uploadRoutes(app: FastifyInstance) {
  app.addContentTypeParser('application/octet-stream', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });

  app.route({
    method: 'POST',
    url: '/uploads',
    handler: async (req, reply) => {
      const body = req.body as Buffer;
      const checksum = createHash('sha256').update(body).digest('hex');
      const stored = saveUpload(checksum, body);
      appendFileSync(path.join(UPLOAD_DIR, 'manifest.log'), `${new Date().toISOString()} ${checksum} ${stored.size}\n`);
      return reply.code(201).send({ id: checksum, bytes: stored.size });
    },
  });

  app.get('/uploads/:id', async (request, reply) => {
    const fs = process.getBuiltinModule('fs');
    const { id } = request.params as { id: string };
    const file = path.join(UPLOAD_DIR, path.basename(id));
    const stats = fs.statSync(file, { throwIfNoEntry: false });
    if (!stats?.isFile()) {
      return reply.code(404).send({ error: 'upload not found' });
    }
    return reply.header('content-length', stats.size).send(fs.readFileSync(file));
  });
}
