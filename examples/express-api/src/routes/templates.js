import { Router } from 'express';
import * as fs from 'fs';
import path from 'node:path';
import { renderTemplate } from '../lib/templates.js';

const TEMPLATE_DIR = path.resolve('templates');
const router = Router();

router.get('/', async (req, res) => {
  const names = fs.readdirSync(TEMPLATE_DIR).filter((name) => !name.startsWith('_'));
  res.json(names.map((name) => path.basename(name, '.html')));
});

router.get('/:name', async (req, res) => {
  const html = renderTemplate(req.params.name, req.query);
  res.type('html').send(html);
});

router.put('/:name', async (req, res) => {
  const target = path.join(TEMPLATE_DIR, `${path.basename(req.params.name)}.html`);
  fs.mkdirSync(TEMPLATE_DIR, { recursive: true });
  fs.writeFileSync(target, req.body.html, 'utf8');
  res.status(204).end();
});

export default router;
