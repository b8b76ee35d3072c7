import { createFactory } from 'hono/factory';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const NOTES_DIR = path.resolve('data/notes');
const factory = createFactory();

const requireToken = factory.createMiddleware(async (c, next) => {
  if (c.req.header('authorization') !== `Bearer ${process.env.EXPORT_TOKEN}`) {
    return c.json({ error: 'unauthorized' }, 401);
  }
  await next();
});

// All notes in one JSON document, for backups
export const exportNotes = factory.createHandlers(requireToken, (c) => {
  const all = readdirSync(NOTES_DIR).map((name) => ({
    name,
    text: readFileSync(path.join(NOTES_DIR, name), 'utf8'),
  }));
  return c.json(all);
});
