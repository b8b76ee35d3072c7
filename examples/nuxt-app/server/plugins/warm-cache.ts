import { readdirSync } from 'node:fs';

// Nitro plugins run once, when the server starts
export default defineNitroPlugin(() => {
  const count = readdirSync('data/catalog').length;
  console.log(`catalog has ${count} products`);
});
