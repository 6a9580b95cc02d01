// One line, cut with "…": grid cells must not wrap, or the virtualised rows would change height.
export const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
