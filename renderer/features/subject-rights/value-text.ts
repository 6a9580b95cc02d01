// A field's stored value as one line of text for the history: contact lists by their values, an address
// and a source by their parts. Pure, so it can be tested and reused by the access package.
export const valueText = (value: unknown, organisationName?: (id: string) => string): string => {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map((v) => valueText(v, organisationName))
      .filter(Boolean)
      .join('; ');
  if (typeof value === 'object') {
    const o = value as Record<string, unknown>;
    // An email or phone row: its value, with its label.
    if (typeof o.value === 'string') return typeof o.label === 'string' ? `${o.value} (${o.label})` : o.value;
    return Object.values(o)
      .map((v) => valueText(v, organisationName))
      .filter(Boolean)
      .join(', ');
  }
  return '';
};
