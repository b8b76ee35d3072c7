// A generated Express router of at least `lines` lines: many handlers, each with the blocking calls
// real handlers make (sync fs, execSync, pbkdf2Sync), for the "one big handler file" target.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE } from './corpus.js';

/** @param {number} index */
const handlers = (index) => `
router.get('/items-${index}/:id', (req, res) => {
  const file = path.join(DATA_DIR, 'items-${index}', \`\${req.params.id}.json\`);
  if (!fs.existsSync(file)) {
    res.status(404).json({ error: 'not found' });
    return;
  }
  const item = JSON.parse(fs.readFileSync(file, 'utf8'));
  const stats = fs.statSync(file);
  res.set('Last-Modified', stats.mtime.toUTCString());
  res.json({ ...item, size: stats.size });
});

router.post('/items-${index}', async (req, res, next) => {
  try {
    const dir = path.join(DATA_DIR, 'items-${index}');
    fs.mkdirSync(dir, { recursive: true });
    const id = String(readdirSync(dir).length + 1);
    const hash = crypto.pbkdf2Sync(req.body.secret ?? '', SALT, 1000, 32, 'sha256').toString('hex');
    writeFileSync(path.join(dir, \`\${id}.json\`), JSON.stringify({ ...req.body, hash }));
    res.status(201).json({ id, revision: execSync('git rev-parse HEAD').toString().trim() });
  } catch (error) {
    next(error);
  }
});
`;

/**
 * Writes the file into bench/.cache/generated/ and returns its path and line count.
 * @param {number} lines
 */
export function writeHandlerFile(lines) {
  const header = `import fs, { readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execSync } from 'node:child_process';
import express from 'express';

const DATA_DIR = process.env.DATA_DIR ?? '/var/data';
const SALT = 'bench';
const router = express.Router();
`;
  let text = header;
  for (let index = 1; text.split('\n').length < lines; index++) text += handlers(index);
  text += '\nexport default router;\n';
  const dir = join(CACHE, 'generated');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `routes-${lines}.js`);
  writeFileSync(file, text);
  return { file, lines: text.split('\n').length - 1 };
}
