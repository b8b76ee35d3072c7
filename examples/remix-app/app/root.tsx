import { json } from '@remix-run/node';
import { Links, Meta, Outlet, Scripts, useLoaderData } from '@remix-run/react';
import { readFileSync } from 'node:fs';

// The announcement banner can be edited on the server without a deploy
export async function loader() {
  return json({ banner: readFileSync('content/banner.txt', 'utf8').trim() });
}

export default function App() {
  const { banner } = useLoaderData<typeof loader>();
  return (
    <html lang="en">
      <head>
        <Meta />
        <Links />
      </head>
      <body>
        {banner ? <p className="banner">{banner}</p> : null}
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}
