import type { ReactElement } from 'react';
import type { Tx } from '../db/index.ts';

/**
 * A section one domain places on another domain's page: a ready element, or null when there is
 * nothing to show. src/app.ts hands it to the page's routes where the section's owner imports the
 * page's domain (experiences/ imports directory, handbook and network), so the page's domain never
 * imports it back.
 */
export type PageSection<Args extends unknown[]> = (db: Tx, ...args: Args) => Promise<ReactElement | null>;
