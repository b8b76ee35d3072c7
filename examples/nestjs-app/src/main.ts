import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync, writeFileSync } from 'node:fs';
import { AppModule } from './app.module';

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { name: string; version: string };

function loadHttpsOptions() {
  const keyFile = process.env.TLS_KEY_FILE;
  const certFile = process.env.TLS_CERT_FILE;
  if (!keyFile || !certFile) {
    return undefined;
  }
  return { key: readFileSync(keyFile), cert: readFileSync(certFile) };
}

async function bootstrap() {
  const app = await NestFactory.create(AppModule, { httpsOptions: loadHttpsOptions() });
  app.setGlobalPrefix('api');
  await app.listen(Number(process.env.PORT ?? 3000));
  writeFileSync('nestjs-app.pid', String(process.pid));
  console.log(`${pkg.name} v${pkg.version} listening on ${await app.getUrl()}`);
}

void bootstrap();
