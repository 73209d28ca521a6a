import { headerKey } from "./headers";

/** How a column's cells are read (see cell-reader.ts). */
export type FieldType =
  | "text"
  | "count"
  | "decimal"
  | "money"
  | "share"
  | "day"
  | "instant"
  | "enum"
  | "flag"
  /** Columns whose presence matters, not their values (ad set, device: rows are sub-rows). */
  | "marker";

/**
 * One thing an import understands, and the header names real exports give it. `names` are
 * tiers, best first: a file with a column from tier 1 uses it and ignores tier-2 columns; two
 * columns from the same tier are ambiguous and the import says so.
 */
export interface FieldSpec {
  readonly key: string;
  /** How messages name it: "spend", "campaign name". */
  readonly label: string;
  readonly type: FieldType;
  readonly names: readonly (readonly string[])[];
  /** Several columns may map to it (markers). */
  readonly multiple?: boolean;
}

/** Options the requirements depend on (a `--date` replaces a date column). */
export interface MappingOptions {
  date?: string;
}

export interface KindSpec {
  readonly kind: string;
  readonly fields: readonly FieldSpec[];
  /**
   * Checks what must be present beyond single fields, e.g. "a campaign id or name". Returns a
   * message (naming what was looked for) or undefined.
   */
  readonly requirements: readonly ((
    mapped: ReadonlySet<string>,
    options: MappingOptions,
  ) => string | undefined)[];
}

/** Header keys per field and tier, computed once per spec. */
export interface CompiledSpec {
  spec: KindSpec;
  /** header key → { field, tier } */
  byKey: Map<string, { field: FieldSpec; tier: number }>;
}

const compiled = new WeakMap<KindSpec, CompiledSpec>();

/** Indexes a spec's names by normalised header key; a name listed twice is a bug. */
export function compileSpec(spec: KindSpec): CompiledSpec {
  const cached = compiled.get(spec);
  if (cached) return cached;
  const byKey = new Map<string, { field: FieldSpec; tier: number }>();
  for (const field of spec.fields) {
    field.names.forEach((tier, t) => {
      for (const name of tier) {
        const key = headerKey(name);
        const taken = byKey.get(key);
        // Spellings of one name ("Campaign ID", "campaign_id") normalise alike: keep the first.
        if (taken?.field === field) continue;
        if (taken) {
          throw new Error(
            `import spec ${spec.kind}: "${name}" names both ${taken.field.key} and ${field.key}`,
          );
        }
        byKey.set(key, { field, tier: t });
      }
    });
  }
  const result = { spec, byKey };
  compiled.set(spec, result);
  return result;
}

/** Names a field by its best header names, for "looked for …" messages. */
export function lookedFor(field: FieldSpec, max = 4): string {
  const names = field.names.flat().slice(0, max);
  return names.map((n) => `"${n}"`).join(", ");
}
