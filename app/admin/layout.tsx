import type { ReactNode } from 'react';
import { AdminShell } from '@/components/shell/admin-shell';
import { getConfig } from '@/lib/config/load-config';

// Read per request: whether this installation has Bitrix24 app keys is the server's configuration, not the build's.
export const dynamic = 'force-dynamic';

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <AdminShell localMode={!getConfig().B24_CLIENT_ID}>{children}</AdminShell>;
}
