import { Type, type StringOptions } from '@sinclair/typebox';

/** A municipality number (kommunenummer, 2024 division): four digits. */
export const MunicipalityNumber = (options: StringOptions = {}) => Type.String({ pattern: '^[0-9]{4}$', ...options });

/** A Norwegian postal code (postnummer): four digits. */
export const PostalCode = (options: StringOptions = {}) => Type.String({ pattern: '^[0-9]{4}$', ...options });
