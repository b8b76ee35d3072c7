/**
 * Handler recognition by file convention: Next.js, Remix and React Router, SvelteKit, Nuxt/Nitro,
 * Astro; and the build-time code that is not request-time (prerendered routes, static output,
 * static metadata routes).
 */
import { fileURLToPath } from 'node:url';
import { invalid, rule, ruleTester, ts } from './helpers.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

const nextRoute = ts`
  import fs from 'fs';
  export async function GET(request: Request) {
    return Response.json(fs.existsSync(a));
  }
  export const POST = async (request: Request) => Response.json(fs.existsSync(b));
  async function remove() {
    return Response.json(fs.existsSync(c));
  }
  export { remove as DELETE };
  export async function generateStaticParams() {
    return [{ ok: fs.existsSync(d) }];
  }
`;

const nextStaticRoute = ts`
  import fs from 'fs';
  export const dynamic = 'force-static';
  export async function GET() {
    return Response.json(fs.existsSync(a));
  }
  export async function POST() {
    return Response.json(fs.existsSync(b));
  }
`;

const nextMiddleware = ts`
  import fs from 'fs';
  import { NextResponse, type NextRequest } from 'next/server';
  export function middleware(request: NextRequest) {
    return fs.existsSync(a) ? NextResponse.next() : NextResponse.redirect(new URL('/login', request.url));
  }
  export const config = { matcher: '/about/:path*' };
`;

const nextPagesApi = ts`
  import fs from 'fs';
  import type { NextApiRequest, NextApiResponse } from 'next';
  export default function handler(req: NextApiRequest, res: NextApiResponse) {
    res.status(200).json({ ok: fs.existsSync(a) });
  }
`;

const nextPage = ts`
  import fs from 'fs';
  export async function getServerSideProps() {
    return { props: { ok: fs.existsSync(a) } };
  }
  export async function getStaticProps() {
    return { props: { ok: fs.existsSync(b) } };
  }
  export default function Page() {
    return null;
  }
`;

const serverActionsFile = ts`
  'use server';
  import fs from 'fs';
  export async function createPost(formData: FormData) {
    fs.existsSync(a);
  }
  export const deletePost = async (id: string) => fs.existsSync(b);
  function helper() {
    return fs.existsSync(c);
  }
`;

const inlineServerAction = ts`
  import fs from 'fs';
  export default function Page() {
    async function create(formData: FormData) {
      'use server';
      fs.existsSync(a);
    }
    return create;
  }
`;

const remixRoute = ts`
  import fs from 'fs';
  import { json, type LoaderFunctionArgs } from '@remix-run/node';
  export async function loader({ params }: LoaderFunctionArgs) {
    return json({ ok: fs.existsSync(a) });
  }
  export const action = async () => json({ ok: fs.existsSync(b) });
  export async function clientLoader() {
    return fs.existsSync(c);
  }
  export default function Invoices() {
    return null;
  }
`;

const reactRouterRoute = ts`
  import fs from 'fs';
  import type { Route } from './+types/product';
  export async function loader({ params }: Route.LoaderArgs) {
    return { ok: fs.existsSync(a) };
  }
`;

const svelteEndpoint = ts`
  import fs from 'fs';
  import { json, type RequestHandler } from '@sveltejs/kit';
  export const GET: RequestHandler = async ({ url }) => json(fs.existsSync(a));
  export async function POST({ request }) {
    return json(fs.existsSync(b));
  }
  export const fallback: RequestHandler = async ({ request }) => json(fs.existsSync(c));
`;

const sveltePageServer = ts`
  import fs from 'fs';
  import type { Actions, PageServerLoad } from './$types';
  export const load: PageServerLoad = async ({ params }) => ({ ok: fs.existsSync(a) });
  export const actions = {
    default: async ({ request }) => {
      fs.existsSync(b);
    },
    login: async (event) => {
      fs.existsSync(c);
    },
  } satisfies Actions;
`;

const svelteHooks = ts`
  import fs from 'fs';
  import { sequence } from '@sveltejs/kit/hooks';
  import type { Handle, HandleServerError } from '@sveltejs/kit';
  const auth: Handle = async ({ event, resolve }) => {
    event.locals.ok = fs.existsSync(a);
    return resolve(event);
  };
  const timing: Handle = async ({ event, resolve }) => resolve(event, { transformPageChunk: ({ html }) => html + fs.existsSync(b) });
  export const handle = sequence(auth, timing);
  export const handleError: HandleServerError = async ({ error }) => {
    fs.existsSync(c);
  };
  export async function init() {
    fs.existsSync(d);
  }
`;

const nuxtAutoImported = ts`
  import fs from 'fs';
  export default defineEventHandler(async (event) => {
    return { ok: fs.existsSync(a) };
  });
`;

const h3Imported = ts`
  import fs from 'fs';
  import { defineEventHandler, eventHandler, createRouter } from 'h3';
  export const router = createRouter().get('/x', eventHandler(() => fs.existsSync(a)));
  export default defineEventHandler({
    onRequest: [(event) => fs.existsSync(b)],
    handler: async (event) => ({ ok: fs.existsSync(c) }),
  });
`;

const nitroPlainDefault = ts`
  import fs from 'fs';
  export default (event) => {
    fs.existsSync(a);
  };
`;

const astroEndpoint = ts`
  import fs from 'fs';
  import type { APIRoute } from 'astro';
  export const GET: APIRoute = async ({ params }) => new Response(String(fs.existsSync(a)));
  export const POST: APIRoute = async ({ request }) => new Response(String(fs.existsSync(b)));
`;

const astroOnDemand = ts`
  import fs from 'fs';
  export const prerender = false;
  export async function GET() {
    return new Response(String(fs.existsSync(a)));
  }
`;

const astroMiddlewareAndActions = ts`
  import fs from 'fs';
  import { defineMiddleware } from 'astro:middleware';
  export const onRequest = defineMiddleware(async (context, next) => {
    context.locals.ok = fs.existsSync(a);
    return next();
  });
`;

const astroActions = ts`
  import fs from 'fs';
  import { defineAction } from 'astro:actions';
  export const server = {
    like: defineAction({
      handler: async (input) => fs.existsSync(a),
    }),
  };
`;

ruleTester.run('context: Next.js', rule, {
  valid: [
    { name: 'route exports outside app/**/route.ts', filename: 'lib/x.ts', code: nextRoute },
    {
      name: 'static metadata routes: sitemap.ts, robots.ts, opengraph-image.tsx',
      filename: 'app/sitemap.ts',
      code: ts`
        import fs from 'fs';
        export default function sitemap() {
          return fs.readdirSync('content').map((slug) => ({ url: slug, ok: fs.existsSync(slug) }));
        }
      `,
    },
    {
      name: 'a middleware.ts that does not import next is some other middleware',
      filename: 'src/lib/middleware.ts',
      code: ts`
        import fs from 'fs';
        export function middleware() {
          return fs.existsSync(a);
        }
      `,
    },
  ],
  invalid: [
    invalid('App Router route.ts: declarations, consts, export { x as DELETE }; not generateStaticParams', nextRoute, {
      'fs.existsSync(a)': 'Next.js route handler',
      'fs.existsSync(b)': 'Next.js route handler',
      'fs.existsSync(c)': 'Next.js route handler',
    }, { filename: 'src/app/api/posts/route.ts' }),
    invalid("dynamic = 'force-static' renders GET at build time; POST still runs per request", nextStaticRoute, {
      'fs.existsSync(b)': 'Next.js route handler',
    }, { filename: 'app/feed/route.ts' }),
    invalid('middleware.ts', nextMiddleware, { 'fs.existsSync(a)': 'Next.js middleware' }, { filename: 'middleware.ts' }),
    invalid('pages/api default export', nextPagesApi, { 'fs.existsSync(a)': 'Next.js API route' }, { filename: 'src/pages/api/hello.ts' }),
    invalid('pages: getServerSideProps, not getStaticProps', nextPage, { 'fs.existsSync(a)': 'Next.js getServerSideProps' }, { filename: 'pages/posts/[id].tsx' }),
    invalid("'use server' file: exported functions are server actions", serverActionsFile, {
      'fs.existsSync(a)': 'server action',
      'fs.existsSync(b)': 'server action',
    }, { filename: 'app/actions.ts' }),
    invalid("an inline 'use server' function", inlineServerAction, { 'fs.existsSync(a)': 'server action' }, { filename: 'app/page.tsx' }),
  ],
});

ruleTester.run('context: Remix and React Router', rule, {
  valid: [
    { name: 'loader exports outside a route module', filename: 'app/utils/data.ts', code: reactRouterRoute },
  ],
  invalid: [
    invalid('Remix route module: loader and action, not clientLoader', remixRoute, {
      'fs.existsSync(a)': 'Remix loader',
      'fs.existsSync(b)': 'Remix action',
    }, { filename: 'app/routes/invoices.$id.tsx' }),
    invalid("React Router 7: typegen's ./+types import names the framework", reactRouterRoute, {
      'fs.existsSync(a)': 'React Router loader',
    }, { filename: 'app/routes/product.tsx' }),
  ],
});

ruleTester.run('context: SvelteKit', rule, {
  valid: [
    {
      name: 'prerender = true: the route is built ahead of time',
      filename: 'src/routes/sitemap.xml/+server.ts',
      code: ts`
        import fs from 'fs';
        export const prerender = true;
        export async function GET() {
          return new Response(String(fs.existsSync(a)));
        }
      `,
    },
    {
      name: 'a universal +page.ts load runs in the browser too, and is not a server file',
      filename: 'src/routes/+page.ts',
      code: ts`
        import fs from 'fs';
        export const load = async () => ({ ok: fs.existsSync(a) });
      `,
    },
  ],
  invalid: [
    invalid('+server.ts method exports and fallback', svelteEndpoint, {
      'fs.existsSync(a)': 'SvelteKit endpoint',
      'fs.existsSync(b)': 'SvelteKit endpoint',
      'fs.existsSync(c)': 'SvelteKit endpoint',
    }, { filename: 'src/routes/api/items/+server.ts' }),
    invalid('+page.server.ts load and form actions', sveltePageServer, {
      'fs.existsSync(a)': 'SvelteKit load function',
      'fs.existsSync(b)': 'SvelteKit form action',
      'fs.existsSync(c)': 'SvelteKit form action',
    }, { filename: 'src/routes/login/+page.server.ts' }),
    invalid('+layout.server.js load', ts`
      import fs from 'fs';
      export async function load() {
        return { ok: fs.existsSync(a) };
      }
    `, { 'fs.existsSync(a)': 'SvelteKit load function' }, { filename: 'src/routes/+layout.server.js' }),
    invalid('hooks.server.ts: handle through sequence(), handleError; not init', svelteHooks, {
      'fs.existsSync(a)': 'SvelteKit handle hook',
      'fs.existsSync(b)': 'SvelteKit handle hook',
      'fs.existsSync(c)': 'SvelteKit handleError hook',
    }, { filename: 'src/hooks.server.ts' }),
  ],
});

ruleTester.run('context: Nuxt, Nitro and h3', rule, {
  valid: [
    {
      name: 'a Nitro plugin and the outer function of a lazy handler run once',
      filename: 'server/plugins/config.ts',
      code: ts`
        import fs from 'fs';
        export default defineNitroPlugin((nitro) => {
          fs.existsSync(a);
        });
        export const lazy = defineLazyEventHandler(() => {
          const ok = fs.existsSync(b);
          return defineEventHandler(() => ok);
        });
      `,
    },
    {
      name: 'an Express app’s server/routes file exports set-up code, not a Nitro handler',
      filename: 'server/routes/users.js',
      code: ts`
        import fs from 'fs';
        import { Router } from 'express';
        export default function mount(app) {
          const templates = fs.readdirSync('templates');
          app.use('/users', Router());
        }
      `,
    },
    {
      name: 'a defineEventHandler the file declares itself is not Nuxt’s',
      filename: 'lib/x.ts',
      code: ts`
        import fs from 'fs';
        function defineEventHandler(fn) {
          return fn;
        }
        export default defineEventHandler(() => fs.existsSync(a));
      `,
    },
  ],
  invalid: [
    invalid('auto-imported defineEventHandler', nuxtAutoImported, { 'fs.existsSync(a)': 'Nitro event handler' }, {
      filename: 'server/api/hello.ts',
    }),
    invalid('h3: eventHandler, object syntax with onRequest and handler', h3Imported, {
      'fs.existsSync(a)': 'h3 event handler',
      'fs.existsSync(b)': 'h3 onRequest hook',
      'fs.existsSync(c)': 'h3 event handler',
    }, { filename: 'src/app.ts' }),
    invalid('a plain function default-exported from server/middleware', nitroPlainDefault, {
      'fs.existsSync(a)': 'Nitro event handler',
    }, { filename: 'server/middleware/log.ts' }),
  ],
});

ruleTester.run('context: Astro', rule, {
  valid: [
    {
      name: 'static output (no config, or a config without output: server): GET is prerendered',
      filename: `${fixtures}astro-static/src/pages/feed.json.ts`,
      code: ts`
        import fs from 'fs';
        export async function GET() {
          return new Response(String(fs.existsSync(a)));
        }
      `,
    },
    {
      name: 'server output, but this endpoint exports prerender = true',
      filename: `${fixtures}astro-server/src/pages/robots.txt.ts`,
      code: ts`
        import fs from 'fs';
        export const prerender = true;
        export async function GET() {
          return new Response(String(fs.existsSync(a)));
        }
      `,
    },
    {
      name: 'a src/pages file that neither imports astro nor sits in an Astro project',
      filename: 'src/pages/api/x.ts',
      code: astroOnDemand,
    },
  ],
  invalid: [
    invalid('static output: POST runs on demand, GET is prerendered', astroEndpoint, {
      'fs.existsSync(b)': 'Astro endpoint',
    }, { filename: 'src/pages/api/likes.ts' }),
    invalid("server output: GET and POST run per request", astroEndpoint, {
      'fs.existsSync(a)': 'Astro endpoint',
      'fs.existsSync(b)': 'Astro endpoint',
    }, { filename: `${fixtures}astro-server/src/pages/api/likes.ts` }),
    invalid('prerender = false opts a GET endpoint out of static output', astroOnDemand, {
      'fs.existsSync(a)': 'Astro endpoint',
    }, { filename: `${fixtures}astro-static/src/pages/api/now.ts` }),
    invalid('src/middleware.ts onRequest', astroMiddlewareAndActions, { 'fs.existsSync(a)': 'Astro middleware' }, {
      filename: 'src/middleware.ts',
    }),
    invalid('defineAction handlers', astroActions, { 'fs.existsSync(a)': 'Astro action' }, { filename: 'src/actions/index.ts' }),
  ],
});
