import { HealthPanel } from '@/components/health/health-panel';
import { PbxCheckPanel } from '@/components/health/pbx-check-panel';
import { FirstRunRedirect } from '@/components/setup/first-run-redirect';

export default function OverviewPage() {
  return (
    <>
      <FirstRunRedirect />
      <HealthPanel />
      <PbxCheckPanel />
    </>
  );
}
