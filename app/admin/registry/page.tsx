import { RegistryPage } from '@/components/numbering/registry-page';

export default function RegistryAdminPage() {
  return <RegistryPage />;
}
