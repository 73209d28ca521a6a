import { closest, distance } from "fastest-levenshtein";
import {
  type CompiledSpec,
  compileSpec,
  type KindSpec,
  lookedFor,
  type MappingOptions,
} from "./fields";
import { normalizeHeader } from "./headers";
import { columnLetter } from "./issues";

export interface MappedColumn {
  index: number;
  /** As written in the file. */
  header: string;
  letter: string;
  /** The field it feeds; absent for ignored columns. */
  field?: string;
  /** Why it is ignored when it looked like a field: "a better column for spend was used". */
  note?: string;
  /** A unit dropped from the header, e.g. `USD`. */
  unit?: string;
}

export interface ColumnMapping {
  columns: MappedColumn[];
  /** Field key → column indexes (one, or several for `multiple` fields). */
  fields: Map<string, number[]>;
}

export interface MappingProblem {
  field?: string;
  message: string;
}

export type MappingResult =
  | { ok: true; mapping: ColumnMapping }
  | { ok: false; mapping: ColumnMapping; problems: MappingProblem[] };

/** The first column feeding `field`, or undefined. */
export function columnOf(mapping: ColumnMapping, field: string): number | undefined {
  return mapping.fields.get(field)?.[0];
}

/**
 * Maps a header row onto a kind's fields. Each field takes the column of its best tier; two
 * columns in that tier are ambiguous, a missing requirement is reported with the names looked
 * for (and a near-miss header if one is close). Unknown columns are ignored and listed.
 *
 * @example
 * mapColumns(["Day", "Campaign", "Cost"], campaignsSpec, {})
 * // ok, fields: day → 0, campaign_name → 1, spend → 2
 */
export function mapColumns(
  header: readonly string[],
  spec: KindSpec,
  options: MappingOptions,
): MappingResult {
  const compiled: CompiledSpec = compileSpec(spec);
  const columns: MappedColumn[] = header.map((raw, index) => {
    const { unit } = normalizeHeader(raw);
    return { index, header: raw.trim(), letter: columnLetter(index), ...(unit ? { unit } : {}) };
  });
  const candidates = new Map<string, { index: number; tier: number }[]>();
  header.forEach((raw, index) => {
    const hit = compiled.byKey.get(normalizeHeader(raw).key);
    if (!hit) return;
    const list = candidates.get(hit.field.key) ?? [];
    list.push({ index, tier: hit.tier });
    candidates.set(hit.field.key, list);
  });

  const problems: MappingProblem[] = [];
  const fields = new Map<string, number[]>();
  // Ambiguous fields are present, just not decided: requirements must not call them missing.
  const ambiguous = new Set<string>();
  for (const field of spec.fields) {
    const found = candidates.get(field.key);
    if (!found?.length) continue;
    if (field.multiple) {
      fields.set(
        field.key,
        found.map((c) => c.index),
      );
      for (const c of found) (columns[c.index] as MappedColumn).field = field.key;
      continue;
    }
    const bestTier = Math.min(...found.map((c) => c.tier));
    const best = found.filter((c) => c.tier === bestTier);
    if (best.length > 1) {
      const names = best.map(
        (c) =>
          `"${(columns[c.index] as MappedColumn).header}" (${(columns[c.index] as MappedColumn).letter})`,
      );
      problems.push({
        field: field.key,
        message: `${names.join(" and ")} could both be ${field.label}: remove or rename all but one`,
      });
      ambiguous.add(field.key);
      continue;
    }
    const chosen = best[0] as { index: number };
    fields.set(field.key, [chosen.index]);
    (columns[chosen.index] as MappedColumn).field = field.key;
    for (const other of found) {
      if (other.index !== chosen.index) {
        (columns[other.index] as MappedColumn).note =
          `also looks like ${field.label}; "${(columns[chosen.index] as MappedColumn).header}" was used`;
      }
    }
  }

  const mapped = new Set([...fields.keys(), ...ambiguous]);
  for (const requirement of spec.requirements) {
    const message = requirement(mapped, options);
    if (message) problems.push({ message: withNearMiss(message, columns, compiled) });
  }
  const mapping = { columns, fields };
  return problems.length ? { ok: false, mapping, problems } : { ok: true, mapping };
}

/** "…; column "Campain name" (B) looks close" when an unmapped header nearly matches a name. */
function withNearMiss(message: string, columns: MappedColumn[], compiled: CompiledSpec): string {
  const known = [...compiled.byKey.keys()];
  for (const column of columns) {
    if (column.field) continue;
    const key = normalizeHeader(column.header).key;
    if (key.length < 4) continue;
    const near = closest(key, known);
    if (distance(key, near) <= 2) {
      return `${message}; column "${column.header}" (${column.letter}) looks close to "${near}"`;
    }
  }
  return message;
}

/** A requirement: at least one of `keys` must be mapped. */
export function requireOneOf(spec: () => KindSpec, keys: readonly string[], what: string) {
  return (mapped: ReadonlySet<string>): string | undefined => {
    if (keys.some((k) => mapped.has(k))) return undefined;
    const fields = spec().fields.filter((f) => keys.includes(f.key));
    return `no column for ${what}: looked for ${fields.map((f) => lookedFor(f, 3)).join(", ")}`;
  };
}
