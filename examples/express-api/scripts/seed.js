import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const config = JSON.parse(readFileSync(new URL('../config.json', import.meta.url), 'utf8'));
const force = process.argv.includes('--force');
const count = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 25);
const customers = ['Acme Corp', 'Globex', 'Initech', 'Umbrella', 'Hooli'];

function seedInvoices() {
  const dir = path.join(config.dataDir, 'invoices');
  mkdirSync(dir, { recursive: true });
  let written = 0;
  for (let i = 1; i <= count; i += 1) {
    const id = `inv_seed_${String(i).padStart(4, '0')}`;
    const file = path.join(dir, `${id}.json`);
    if (existsSync(file) && !force) {
      continue;
    }
    const lines = [{ description: 'Consulting hours', quantity: i, unitPrice: 120 }];
    writeFileSync(file, JSON.stringify({ id, customer: customers[i % customers.length], lines }, null, 2));
    written += 1;
  }
  return written;
}

function seedSettings() {
  const defaults = { currency: 'EUR', invoicePrefix: 'inv_', paymentTermsDays: 30 };
  mkdirSync(path.dirname(config.settingsFile), { recursive: true });
  writeFileSync(config.settingsFile, JSON.stringify(defaults, null, 2));
}

const written = seedInvoices();
seedSettings();
writeFileSync(path.join(config.dataDir, '.seeded-at'), new Date().toISOString());
console.log(`seeded ${written} invoices into ${config.dataDir}`);
