import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';

/** Developer pages (the frame wiring check): served by `next dev` only, never by a production build. */
export default function DevOnlyLayout({ children }: { children: ReactNode }) {
  if (process.env.NODE_ENV === 'production') notFound();
  return children;
}
