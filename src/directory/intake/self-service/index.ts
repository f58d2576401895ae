// "Registrer et tilbud", "Mine tilbud" and the editor API; the freshness job is registered here too.
export { selfServiceRoutes, TRUSTED_FIELDS } from './routes.ts';
export { isValidOrganizationNumber } from './orgnr.ts';
