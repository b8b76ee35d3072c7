import express, { Router } from 'express';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';

const UPLOAD_DIR = path.resolve('uploads');
const router = Router();

router.get('/', async (req, res) => {
  const names = await readdir(UPLOAD_DIR);
  const entries = await Promise.all(
    names.map(async (name) => {
      const stats = await stat(path.join(UPLOAD_DIR, name));
      return { name, size: stats.size, uploadedAt: stats.birthtime };
    }),
  );
  res.json(entries);
});

router.post('/', express.raw({ type: '*/*', limit: '10mb' }), async (req, res) => {
  const id = randomUUID();
  await mkdir(UPLOAD_DIR, { recursive: true });
  await writeFile(path.join(UPLOAD_DIR, id), req.body);
  res.status(201).json({ id, bytes: req.body.length });
});

export default router;
