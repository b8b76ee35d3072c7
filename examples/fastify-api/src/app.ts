import Fastify from 'fastify';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import healthRoutes from './routes/health.js';
import invoiceRoutes from './routes/invoices.cjs';
import reportRoutes from './routes/reports.js';
import uploadRoutes from './routes/uploads.js';

const apiKeysFile = join(process.cwd(), 'config', 'api-keys.txt');
const https = {
  key: readFileSync(join(process.cwd(), 'certs', 'server.key')),
  cert: readFileSync(join(process.cwd(), 'certs', 'server.crt')),
};

const app = Fastify({ logger: true, https });

// API keys are re-read on every request so rotated keys take effect immediately
app.addHook('onRequest', async (request, reply) => {
  if (request.url === '/health') {
    return;
  }
  const allowed = readFileSync(apiKeysFile, 'utf8')
    .split('\n')
    .map((key) => key.trim())
    .filter(Boolean);
  if (!allowed.includes(String(request.headers['x-api-key']))) {
    return reply.code(401).send({ error: 'invalid api key' });
  }
});

app.register(healthRoutes);
app.register(invoiceRoutes, { prefix: '/api' });
app.register(reportRoutes, { prefix: '/api' });
app.register(uploadRoutes, { prefix: '/api' });

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '0.0.0.0' });
writeFileSync(join(process.cwd(), 'run', 'fastify-api.pid'), String(process.pid));
