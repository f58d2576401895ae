// The network's front door, /nettverket.
import type { Db } from '../platform/db/index.ts';
import type { App } from '../platform/http/app.ts';
import { paths } from '../platform/paths.ts';
import { sendPage } from '../platform/views/render.ts';
import { networkRoles } from './roles.ts';
import { NetworkHomePage } from './home.tsx';

export async function networkHomeRoutes(app: App, { db }: { db: Db }) {
  app.get(paths.network.index, async (request, reply) => {
    const roles = await networkRoles(db, request);
    const viewer = request.user ? { decides: roles.secretariat || roles.contactOf.length > 0, secretariat: roles.secretariat } : null;
    return sendPage(reply, NetworkHomePage({ viewer }));
  });
}
