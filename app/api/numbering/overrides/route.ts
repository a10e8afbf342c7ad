import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { withPortal } from '@/lib/http/with-portal';
import { listNumberOverrides, removeNumberOverride, setNumberOverride } from '@/lib/numbering/store';

export const dynamic = 'force-dynamic';
const setBody = z.object({
  number: z.string('error.enterNumberAndInn').max(40),
  inn: z.string('error.enterNumberAndInn').max(20),
  note: z.string().max(200).optional(),
});
const listQuery = z.object({ search: z.string().max(100).default('') });
const removeQuery = z.object({ number: z.string().max(40).default('') });

export const GET = withPortal({ access: 'read', query: listQuery }, async ({ query }) => {
  return Response.json(await listNumberOverrides({ db: getDb(), search: query.search }), {
    headers: { 'Cache-Control': 'no-store' },
  });
});

/** Sets the admin's carrier for one number; 400 {fields: {number|inn}} on a bad number or an unknown ИНН. */
export const PUT = withPortal({ access: 'write', body: setBody }, async ({ body }) => {
  return Response.json(await setNumberOverride({ db: getDb(), ...body }));
});

export const DELETE = withPortal({ access: 'write', query: removeQuery }, async ({ query }) => {
  return Response.json(await removeNumberOverride({ db: getDb(), number: query.number }));
});
