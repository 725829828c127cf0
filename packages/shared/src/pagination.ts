/** Page size rules of every connection: 1 to 100 items, 50 when not asked. */
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 100;
