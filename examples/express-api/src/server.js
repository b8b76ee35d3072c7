import express from 'express';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import customersRouter from './routes/customers.js';
import invoicesRouter from './routes/invoices.js';
import reportsRouter from './routes/reports.js';
import templatesRouter from './routes/templates.js';
import uploadsRouter from './routes/uploads.js';

const config = JSON.parse(readFileSync(new URL('../config.json', import.meta.url), 'utf8'));
const port = Number(process.env.PORT ?? config.port);

const app = express();
app.use(express.json());

app.use('/customers', customersRouter);
app.use('/invoices', invoicesRouter);
app.use('/reports', reportsRouter);
app.use('/templates', templatesRouter);
app.use('/uploads', uploadsRouter);

app.route('/settings')
  .get((req, res) => {
    const settings = readFileSync(config.settingsFile, 'utf8');
    res.type('json').send(settings);
  })
  .put((req, res) => {
    writeFileSync(config.settingsFile, JSON.stringify(req.body, null, 2));
    res.status(204).end();
  });

app.use((err, req, res, next) => {
  if (res.headersSent) {
    return next(err);
  }
  const line = `${new Date().toISOString()} ${req.method} ${req.originalUrl} ${err.stack}\n`;
  appendFileSync(config.errorLog, line);
  res.status(err.status ?? 500).json({ error: err.message });
});

app.listen(port, () => {
  writeFileSync(config.pidFile, String(process.pid));
  console.log(`express-api listening on http://localhost:${port}`);
});
