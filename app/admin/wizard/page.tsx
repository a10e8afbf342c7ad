import { SetupWizard } from '@/components/setup/setup-wizard';

export default function WizardPage() {
  return <SetupWizard />;
}
