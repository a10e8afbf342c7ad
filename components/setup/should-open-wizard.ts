import type { SetupStep } from './decide-setup-steps';

/**
 * Whether the app's first page sends an admin on to the wizard: only while nothing is configured yet (no line and no
 * default line), so a portal that is set up, even partly by hand, is never taken away from its status page.
 */
export function shouldOpenWizard(steps: readonly SetupStep[]): boolean {
  const state = (id: SetupStep['id']) => steps.find((step) => step.id === id)?.state;
  return state('lines') === 'todo' && state('defaultLine') === 'todo';
}
