import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Product {
  id: string;
  name: string;
  price: number;
}

export function readProduct(dir: string, id: string): Product {
  return JSON.parse(readFileSync(join(dir, `${id.replace(/[^\w-]/g, '')}.json`), 'utf8')) as Product;
}
