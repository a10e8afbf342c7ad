import { HealthPanel } from '@/components/health/health-panel';

export default function OverviewPage() {
  return <HealthPanel />;
}
