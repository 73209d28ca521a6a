import type { Platform } from "../store/schema";
import type { CellReader } from "./cell-reader";
import type { KindSpec } from "./fields";
import type { ImportKind } from "./kinds";
import { type CampaignBatch, CampaignRowBuilder } from "./kinds/campaigns-rows";
import { campaignsSpec, METRIC_FIELDS, platformFromHeaders } from "./kinds/campaigns-spec";
import { journeysSpec, pathRowReader, touchpointRowReader } from "./kinds/journeys-spec";
import { type KeyedBatch, KeyedRowBuilder, type KeyedRowReader } from "./kinds/keyed-rows";
import {
  influencerRowReader,
  influencersSpec,
  postRowReader,
  postsSpec,
} from "./kinds/social-spec";
import { userEventRowReader, userEventsSpec, userRowReader, usersSpec } from "./kinds/users-spec";
import type { ColumnMapping } from "./mapping";
import type { RowConverter } from "./row-converter";

export type ImportBatch = CampaignBatch | KeyedBatch<unknown>;

export interface ConverterOptions {
  header: readonly string[];
  date?: string;
  platform?: Platform;
}

export interface ConverterSetup {
  converter: RowConverter<ImportBatch>;
  /** Facts for the summary: the export recognised, the date source, the journey shape. */
  facts: Record<string, string | boolean | string[]>;
}

export interface KindDefinition {
  kind: ImportKind;
  spec: KindSpec;
  setup(reader: CellReader, mapping: ColumnMapping, options: ConverterOptions): ConverterSetup;
}

function keyed<R>(
  kind: ImportKind,
  spec: KindSpec,
  reader: () => KeyedRowReader<R>,
): KindDefinition {
  return {
    kind,
    spec,
    setup: (cells) => ({
      converter: new KeyedRowBuilder(kind, cells, reader()) as RowConverter<ImportBatch>,
      facts: {},
    }),
  };
}

/** Every importable kind: its header synonyms and how its rows are read. */
export const KIND_DEFINITIONS: Readonly<Record<ImportKind, KindDefinition>> = {
  campaigns: {
    kind: "campaigns",
    spec: campaignsSpec,
    setup(cells, mapping, options) {
      const recognised = platformFromHeaders(options.header);
      const builder = new CampaignRowBuilder(cells, mapping, {
        platform: options.platform,
        exportPlatform: recognised?.platform,
        date: options.date,
      });
      const dateSource = cells.has("day")
        ? "column"
        : cells.has("period_start") && cells.has("period_end")
          ? "reporting period"
          : "--date";
      const facts: ConverterSetup["facts"] = { dateSource, aggregated: builder.aggregating };
      if (recognised) facts.export = recognised.export;
      facts.metrics = METRIC_FIELDS.filter((_, i) => builder.mappedMetrics[i]);
      return { converter: builder as RowConverter<ImportBatch>, facts };
    },
  },
  journeys: {
    kind: "journeys",
    spec: journeysSpec,
    setup(cells, _mapping, options) {
      const paths = cells.has("path");
      const converter = paths
        ? new KeyedRowBuilder(
            "journeys",
            cells,
            pathRowReader(cells.has("day") ? undefined : options.date),
          )
        : new KeyedRowBuilder("journeys", cells, touchpointRowReader);
      return {
        converter: converter as RowConverter<ImportBatch>,
        facts: { shape: paths ? "path-level" : "event-level" },
      };
    },
  },
  influencers: keyed("influencers", influencersSpec, influencerRowReader),
  posts: keyed("posts", postsSpec, () => postRowReader),
  users: keyed("users", usersSpec, () => userRowReader),
  "user-events": keyed("user-events", userEventsSpec, () => userEventRowReader),
};
