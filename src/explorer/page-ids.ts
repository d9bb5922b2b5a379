/** The element ids the page's script reads (written by the Node side, read in the browser). */
export const PAGE_IDS = { data: 'hzsim-explorer-data', app: 'hzsim-explorer' } as const;
