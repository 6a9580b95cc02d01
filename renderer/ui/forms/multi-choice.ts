// Several choices from a fixed list, shown as chips or checkboxes: one set of props, and the chosen
// values kept in the options' order so a report lists them as the form does.

export interface MultiChoiceProps<T extends string> {
  readonly label: string;
  readonly options: readonly T[];
  readonly value: readonly T[];
  readonly optionLabel: (option: T) => string;
  readonly onChange: (value: T[]) => void;
}

/** The chosen values after choosing (`on`) or unchoosing one option, in the options' order. */
export const withChoice = <T extends string>(
  { options, value }: Pick<MultiChoiceProps<T>, 'options' | 'value'>,
  option: T,
  on: boolean,
): T[] => options.filter((o) => (o === option ? on : value.includes(o)));
