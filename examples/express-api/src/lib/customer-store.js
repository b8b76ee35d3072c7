import { readFileSync } from 'node:fs';
import path from 'node:path';

const CUSTOMERS_FILE = path.resolve('data/customers.json');

export function listCustomers() {
  return JSON.parse(readFileSync(CUSTOMERS_FILE, 'utf8'));
}

export function findCustomer(id) {
  return listCustomers().find((customer) => customer.id === id) ?? null;
}
