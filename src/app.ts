import type { Config } from './platform/config.ts';
import type { Db } from './platform/db/index.ts';
import { buildApp } from './platform/http/app.ts';
import { referenceRoutes } from './reference/index.ts';
import { directoryRoutes } from './directory/index.ts';
import { aboutRoutes } from './platform/views/about.tsx';

/** The whole site: platform plus every domain, registered explicitly. */
export function createApp(db: Db, config: Config) {
  return buildApp({ db, config }, [referenceRoutes, directoryRoutes, aboutRoutes]);
}
