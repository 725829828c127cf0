/** Page size rules of every connection: 1 to 100 items, 50 when not asked. */
export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 100;

/**
 * The network map's nodes per request (Account.networkSummary): enough for an account with
 * hundreds of partners and clients in one statement per kind, within the query-cost limit.
 */
export const NETWORK_NODES_MAX = 500;
