import express from 'express';
import fs from 'node:fs';
import path from 'node:path';
import { loadInvoice, saveInvoice } from '../lib/invoice-store.js';

const INVOICE_DIR = path.resolve('data/invoices');
const router = express.Router();

router.get('/', (req, res) => {
  const files = fs.readdirSync(INVOICE_DIR).filter((name) => name.endsWith('.json'));
  const summaries = files.map((name) => {
    const stats = fs.statSync(path.join(INVOICE_DIR, name));
    return { id: path.basename(name, '.json'), updatedAt: stats.mtime };
  });
  res.json(summaries);
});

router.get('/:id', (req, res) => {
  const invoice = loadInvoice(req.params.id);
  if (!invoice) {
    return res.status(404).json({ error: 'invoice not found' });
  }
  res.json(invoice);
});

router.get('/:id/pdf', async (req, res) => {
  const pdfPath = path.join(INVOICE_DIR, `${path.basename(req.params.id)}.pdf`);
  if (!fs.existsSync(pdfPath)) {
    return res.status(404).json({ error: 'pdf has not been generated yet' });
  }
  res.type('application/pdf').send(fs.readFileSync(pdfPath));
});

router.post('/', (req, res) => {
  const id = `inv_${Date.now()}`;
  saveInvoice(id, { id, ...req.body, createdAt: new Date().toISOString() });
  res.status(201).json({ id });
});

export default router;
