import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { recipeSlugs } from '~/models/recipe.server';

export async function loader() {
  return json({ slugs: recipeSlugs() });
}

export default function Index() {
  const { slugs } = useLoaderData<typeof loader>();
  return (
    <ul>
      {slugs.map((slug) => (
        <li key={slug}>
          <Link to={`/recipes/${slug}`}>{slug}</Link>
        </li>
      ))}
    </ul>
  );
}
