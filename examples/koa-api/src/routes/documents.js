import Router from '@koa/router';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { documentInfo } from '../lib/storage.js';

const DOCUMENT_DIR = path.resolve('data/documents');
const router = new Router({ prefix: '/documents' });

// Every route with :name checks that the document exists first
router.param('name', (name, ctx, next) => {
  if (!fs.existsSync(path.join(DOCUMENT_DIR, path.basename(name)))) {
    ctx.throw(404, 'document not found');
  }
  return next();
});

router.get('/', (ctx) => {
  ctx.body = fs.readdirSync(DOCUMENT_DIR).filter((name) => !name.startsWith('.'));
});

router.get('/:name', async (ctx) => {
  ctx.type = 'text/plain';
  ctx.body = await readFile(path.join(DOCUMENT_DIR, path.basename(ctx.params.name)), 'utf8');
});

router.get('/:name/info', (ctx) => {
  ctx.body = documentInfo(ctx.params.name);
});

router.put('/:name', async (ctx) => {
  fs.writeFileSync(path.join(DOCUMENT_DIR, path.basename(ctx.params.name)), ctx.request.body.text);
  ctx.status = 204;
});

export default router;
