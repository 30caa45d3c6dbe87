/**
 * Narrowing from the code's own types to the ones payload-types.ts generates, each in one named
 * place with its reason, instead of a cast at every write.
 */

/**
 * An id as payload-types.ts types a relationship field. The file is generated against the SQL
 * adapters, whose ids are numbers; on MongoDB the same fields hold strings, so the code carries ids
 * as `number | string`.
 */
export const schemaId = (id: number | string): number => id as number

/** What payload-types.ts gives a `json` field. */
export type SchemaJson = { [k: string]: unknown } | unknown[] | string | number | boolean | null

/**
 * A value for a `json` field. The schema types it as a plain object with an index signature, which
 * an interface with named fields does not have (TypeScript adds none to interfaces) though it is
 * the same JSON.
 */
export const schemaJson = (value: object | null): SchemaJson => value as SchemaJson
