import { SavingsDashboard } from '@/components/savings/savings-dashboard';

export default function SavingsPage() {
  return <SavingsDashboard />;
}
