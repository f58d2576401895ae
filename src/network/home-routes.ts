// The network's front door, /nettverket.
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { paths } from '../platform/paths.ts';
import { sendPage } from '../platform/views/render.ts';
import { networkRoles } from './roles.ts';
import { NetworkHomePage } from './home.tsx';

export async function networkHomeRoutes(app: App, { db, config }: { db: Db; config: Config }) {
  app.get(paths.network.index, async (request, reply) => {
    const roles = await networkRoles(db, request);
    const viewer = request.user ? { decides: roles.secretariat || roles.contactOf.length > 0, secretariat: roles.secretariat } : null;
    // experiences/ imports this domain: its section is loaded on request, since a static import would be a cycle at start
    const { surveyFigures } = await import('../experiences/index.ts');
    return sendPage(reply, NetworkHomePage({ viewer, experiences: await surveyFigures(db, config.clock.now()) }));
  });
}
