import fs from 'node:fs';
import path from 'node:path';

const INVOICE_DIR = path.resolve('data/invoices');

function invoicePath(id) {
  return path.join(INVOICE_DIR, `${path.basename(id)}.json`);
}

export function loadInvoice(id) {
  const file = invoicePath(id);
  if (!fs.existsSync(file)) {
    return null;
  }
  const invoice = JSON.parse(fs.readFileSync(file, 'utf8'));
  const total = invoice.lines.reduce((sum, line) => sum + line.quantity * line.unitPrice, 0);
  return { ...invoice, total };
}

export function saveInvoice(id, invoice) {
  fs.mkdirSync(INVOICE_DIR, { recursive: true });
  fs.writeFileSync(invoicePath(id), JSON.stringify(invoice, null, 2));
}
