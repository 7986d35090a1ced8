/** Under construction: see the README's package table. */
export const status = 'in-progress' as const;
