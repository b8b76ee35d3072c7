import bodyParser from '@koa/bodyparser';
import Koa from 'koa';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import documentsRouter from './routes/documents.js';
import tagsRouter from './routes/tags.js';

const config = JSON.parse(readFileSync(new URL('../config.json', import.meta.url), 'utf8'));

const app = new Koa();

// Access log: one line per request, appended before the response is sent
app.use(async (ctx, next) => {
  const started = Date.now();
  await next();
  appendFileSync(config.accessLog, `${ctx.method} ${ctx.url} ${ctx.status} ${Date.now() - started}ms\n`);
});

app.use(bodyParser());
app.use(documentsRouter.routes()).use(documentsRouter.allowedMethods());
app.use(tagsRouter.routes()).use(tagsRouter.allowedMethods());

app.on('error', (error) => {
  console.error('request failed', error);
});

app.listen(config.port, () => {
  writeFileSync(config.pidFile, String(process.pid));
  console.log(`koa-api listening on http://localhost:${config.port}`);
});
