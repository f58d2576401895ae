// The network's front door, /nettverket.
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { paths } from '../platform/paths.ts';
import { sendPage } from '../platform/views/render.ts';
import type { PageSection } from '../platform/views/page-section.ts';
import { networkRoles } from './roles.ts';
import { NetworkHomePage } from './home.tsx';

export async function networkHomeRoutes(app: App, { db, config, surveyFigures }: { db: Db; config: Config; surveyFigures: PageSection<[now: Date]> }) {
  app.get(paths.network.index, async (request, reply) => {
    const roles = await networkRoles(db, request);
    const viewer = request.user ? { decides: roles.secretariat || roles.contactOf.length > 0, secretariat: roles.secretariat } : null;
    return sendPage(reply, NetworkHomePage({ viewer, experiences: await surveyFigures(db, config.clock.now()) }));
  });
}
