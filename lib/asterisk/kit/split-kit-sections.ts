export type SplitKitSectionsOptions = { text: string };
export type KitSections = { ami: string; globals: string; dialplan: string };

const MARKER = /^; ---- b24-kit: (ami|globals|dialplan) ----$/gm;

/** The kit's three parts, each from its marker line to the next one (the admin pastes each into its own file). */
export function splitKitSections({ text }: SplitKitSectionsOptions): KitSections {
  const sections: KitSections = { ami: '', globals: '', dialplan: '' };
  const marks = [...text.matchAll(MARKER)];
  marks.forEach((mark, index) => {
    const end = marks[index + 1]?.index ?? text.length;
    sections[mark[1] as keyof KitSections] = text.slice(mark.index, end);
  });
  return sections;
}
