import { writeFile } from 'node:fs/promises';
import { findCustomer, listCustomers } from '../lib/customer-store.js';

export function index(req, res) {
  const query = String(req.query.q ?? '').toLowerCase();
  const customers = listCustomers();
  res.json(query ? customers.filter((customer) => customer.name.toLowerCase().includes(query)) : customers);
}

export function show(req, res) {
  const customer = findCustomer(req.params.id);
  if (!customer) {
    return res.status(404).json({ error: 'customer not found' });
  }
  res.json(customer);
}

export async function update(req, res) {
  await writeFile(`data/customers/${encodeURIComponent(req.params.id)}.json`, JSON.stringify(req.body));
  res.status(204).end();
}
