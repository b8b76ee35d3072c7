// `node --import` this to run the plugin from its TypeScript sources with `typescript` forbidden.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
