import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { logger } from 'hono/logger';
import { appendFileSync, readFileSync } from 'node:fs';
import { notes } from './routes/notes.js';
import { exportNotes } from './routes/export.js';

const { port, errorLog } = JSON.parse(readFileSync('config.json', 'utf8')) as { port: number; errorLog: string };

const app = new Hono();

app.use('*', logger());
app.route('/notes', notes);
app.get('/export', ...exportNotes);

app.onError((error, c) => {
  appendFileSync(errorLog, `${new Date().toISOString()} ${c.req.method} ${c.req.path} ${error.stack}\n`);
  return c.json({ error: 'internal error' }, 500);
});

serve({ fetch: app.fetch, port }, (info) => {
  console.log(`hono-api listening on http://localhost:${info.port}`);
});
