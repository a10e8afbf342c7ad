import { HealthPanel } from '@/components/health/health-panel';
import { PbxCheckPanel } from '@/components/health/pbx-check-panel';

export default function OverviewPage() {
  return (
    <>
      <HealthPanel />
      <PbxCheckPanel />
    </>
  );
}
