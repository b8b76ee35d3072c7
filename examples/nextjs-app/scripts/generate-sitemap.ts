import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getAllPosts } from '../lib/posts';

interface SiteConfig {
  baseUrl: string;
  staticPages: string[];
}

const siteConfig = JSON.parse(readFileSync(path.join(process.cwd(), 'site.config.json'), 'utf8')) as SiteConfig;
const outDir = path.join(process.cwd(), 'public');

function urlEntry(pathname: string, lastmod?: string): string {
  const lastmodTag = lastmod ? `<lastmod>${lastmod}</lastmod>` : '';
  return `  <url><loc>${siteConfig.baseUrl}${pathname}</loc>${lastmodTag}</url>`;
}

function writeSitemap(): number {
  const entries = [
    ...siteConfig.staticPages.map((page) => urlEntry(page)),
    ...getAllPosts().map((post) => urlEntry(`/posts/${post.slug}`, post.date)),
  ];
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries.join('\n')}\n</urlset>\n`;
  writeFileSync(path.join(outDir, 'sitemap.xml'), xml);
  return entries.length;
}

function writeRobots(): void {
  writeFileSync(path.join(outDir, 'robots.txt'), `User-agent: *\nAllow: /\nSitemap: ${siteConfig.baseUrl}/sitemap.xml\n`);
}

mkdirSync(outDir, { recursive: true });
const count = writeSitemap();
writeRobots();
console.log(`sitemap.xml written with ${count} URLs`);
