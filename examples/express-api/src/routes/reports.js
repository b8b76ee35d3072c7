import { Router } from 'express';
import { existsSync, readFileSync as readFile } from 'fs';
import { readFile as readFileAsync } from 'node:fs/promises';
import path from 'node:path';
import { buildReport } from '../lib/report-builder.js';

const REPORT_DIR = path.resolve('data/reports');
const router = Router();

router.get('/:name', (req, res) => {
  const file = path.join(REPORT_DIR, `${path.basename(req.params.name)}.csv`);
  if (!existsSync(file)) {
    return res.status(404).json({ error: 'report not found' });
  }
  res.type('text/csv').send(readFile(file, 'utf8'));
});

// First 20 rows of the report, followed by the shared disclaimer footer
router.get('/:name/preview', (req, res, next) => {
  readFileAsync(path.join(REPORT_DIR, `${path.basename(req.params.name)}.csv`), 'utf8')
    .then((csv) => {
      const footer = readFile(path.join(REPORT_DIR, 'footer.txt'), 'utf8');
      const head = csv.split('\n').slice(0, 20).join('\n');
      res.type('text/plain').send(`${head}\n\n${footer}`);
    })
    .catch(next);
});

router.post('/:name/build', async (req, res) => {
  const report = await buildReport(path.basename(req.params.name), req.body);
  res.status(201).json(report);
});

export default router;
