import type { Static, TSchema } from '@sinclair/typebox';
import type { FastifyTypeProvider } from 'fastify';

/**
 * Request and reply types from the routes' TypeBox schemas. The schemas are written with
 * `@sinclair/typebox` 0.34; `@fastify/type-provider-typebox` 6 infers with TypeBox 1.x, which reads
 * `Type.Unsafe` kinds (coverage's enums) as `unknown`. So the provider infers with the same TypeBox
 * the schemas are built with.
 */
export interface TypeBoxTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
}
