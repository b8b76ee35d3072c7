import { Hono } from 'hono';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { draftsFor } from '../lib/drafts.js';
import { renderNote } from '../lib/render.js';

const NOTES_DIR = path.resolve('data/notes');

export const notes = new Hono()
  .get('/', (c) => {
    const names = readdirSync(NOTES_DIR).filter((name) => name.endsWith('.md'));
    return c.json(names.map((name) => path.basename(name, '.md')));
  })
  .get('/:id', async (c) => {
    const text = await readFile(path.join(NOTES_DIR, `${path.basename(c.req.param('id'))}.md`), 'utf8');
    return c.text(text);
  })
  .get('/:id/html', (c) => c.html(renderNote(c.req.param('id'))))
  .get('/drafts/:user', (c) => c.json(draftsFor(c.req.param('user')).list()))
  .get('/drafts/:user/:name', async (c) => c.text(await draftsFor(c.req.param('user')).read(c.req.param('name'))))
  .post('/', async (c) => {
    const { id, text } = await c.req.json<{ id: string; text: string }>();
    mkdirSync(NOTES_DIR, { recursive: true });
    writeFileSync(path.join(NOTES_DIR, `${path.basename(id)}.md`), text);
    return c.json({ id }, 201);
  });
