import type { ColumnType } from 'kysely';

// Column types shared by the table files. Both drivers read timestamptz as Date and date as a
// 'YYYY-MM-DD' string (see ../index.ts).

/** timestamptz with a default: optional on insert. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** A column with a default: optional on insert. */
export type WithDefault<T> = ColumnType<T, T | undefined, T>;
/** Written as JSON text, read back parsed by both drivers. */
export type Json<T> = ColumnType<T, string, string>;
/** Written as JSON text with a default, read back parsed. */
export type JsonWithDefault<T> = ColumnType<T, string | undefined, string>;
