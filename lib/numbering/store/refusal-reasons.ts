/**
 * Why an import changed nothing, in the "Русский / English" form of the app's other errors (the admin page shows the
 * half in the viewer's language). Shared by registry and MNP imports: the rules are the same.
 */
export function rowErrorsReason(errors: number, lines: string): string {
  const more = errors > 5 ? ', …' : '';
  return (
    `Строк с ошибками: ${errors} (строки ${lines}${more}); ничего не изменено. Исправьте файл или загрузите его, приняв ошибки строк / ` +
    `${errors} row(s) rejected (lines ${lines}${more}); nothing was changed. Fix the file, or import it accepting row errors.`
  );
}

export function shrinkReason(numbers: number, inUse: number, minShare: number): string {
  const percent = minShare * 100;
  return (
    `В файле ${numbers} номеров — меньше ${percent}% от ${inUse} в работе: похоже, он обрезан. Ничего не изменено; если всё верно, загрузите его снова с подтверждением / ` +
    `The file covers ${numbers} numbers, under ${percent}% of the ${inUse} in use: it looks cut off. Nothing was changed; import it again confirming the shrink if it is right.`
  );
}
