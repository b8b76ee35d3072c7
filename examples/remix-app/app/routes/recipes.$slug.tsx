import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { getRecipe, RECIPES_DIR } from '~/models/recipe.server';

export async function loader({ params }: LoaderFunctionArgs) {
  const slug = params.slug ?? '';
  if (!existsSync(path.join(RECIPES_DIR, `${path.basename(slug)}.md`))) {
    throw new Response('Not found', { status: 404 });
  }
  return json(getRecipe(slug));
}

export async function action({ params, request }: ActionFunctionArgs) {
  const form = await request.formData();
  const body = String(form.get('body') ?? '');
  writeFileSync(path.join(RECIPES_DIR, `${path.basename(params.slug ?? '')}.md`), body);
  return redirect(`/recipes/${params.slug}`);
}

export default function RecipePage() {
  const recipe = useLoaderData<typeof loader>();
  return (
    <article>
      <h1>{recipe.title}</h1>
      <pre>{recipe.body}</pre>
      <Form method="post">
        <textarea name="body" defaultValue={recipe.body} />
        <button type="submit">Save</button>
      </Form>
    </article>
  );
}
