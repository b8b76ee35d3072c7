export default defineNuxtConfig({
  compatibilityDate: '2024-12-01',
  runtimeConfig: { catalogDir: 'data/catalog' },
});
