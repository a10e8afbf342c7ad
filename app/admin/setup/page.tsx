import { SetupChecklist } from '@/components/setup/setup-checklist';

export default function SetupPage() {
  return <SetupChecklist />;
}
