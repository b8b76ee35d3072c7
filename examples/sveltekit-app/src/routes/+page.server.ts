import { listNotes } from '$lib/server/notes';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ notes: listNotes() });
