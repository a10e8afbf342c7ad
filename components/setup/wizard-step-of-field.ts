export type WizardFieldStep = 'lines' | 'groups' | 'departments' | 'defaultLine';

/** Which wizard step shows a refused field ("trunks.2.lineNumber" → lines, row 3), so the error names a step. */
export function wizardStepOfField(path: string): { step: WizardFieldStep; row: number | null } {
  const [head, index] = path.split('.');
  const row = index !== undefined && /^\d+$/.test(index) ? Number(index) + 1 : null;
  if (head === 'trunks') return { step: 'lines', row };
  if (head === 'carrierGroups') return { step: 'groups', row };
  if (head === 'profiles') return { step: 'departments', row: null };
  return { step: 'defaultLine', row: null };
}
