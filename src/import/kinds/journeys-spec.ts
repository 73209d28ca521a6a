import { normalizeChannel, normalizePath } from "../../core/attribution/path-text";
import type { JourneyPathRow, JourneyTouchpoint } from "../../store/schema";
import type { CellReader } from "../cell-reader";
import type { KindSpec } from "../fields";
import { requireOneOf } from "../mapping";
import { readFlag } from "../values";
import type { KeyedRowReader } from "./keyed-rows";

/**
 * Two shapes of journey data, told apart by their columns:
 * - event-level touchpoints (analytics exports, CDP event tables): a journey or user id, a
 *   timestamp, a channel, optionally a campaign, a conversion flag and value;
 * - path-level aggregates (GA "conversion paths", MCF reports, attribution tools): a path like
 *   `Facebook > Email > Search`, its conversions, conversion value and non-converting count.
 */
export const journeysSpec: KindSpec = {
  kind: "journeys",
  fields: [
    {
      key: "journey_id",
      label: "journey id",
      type: "text",
      names: [
        [
          "Journey ID",
          "Journey",
          "User ID",
          "UserId",
          "User",
          "Customer ID",
          "Client ID",
          "Visitor ID",
          "Cookie ID",
          "Session ID",
          "User pseudo ID",
          "Anonymous ID",
          "Person ID",
        ],
        ["ID"],
      ],
    },
    {
      key: "touched_at",
      label: "time",
      type: "instant",
      names: [
        [
          "Timestamp",
          "Time",
          "Event time",
          "Event timestamp",
          "Touched at",
          "Touch time",
          "Datetime",
          "Date time",
          "Visit time",
          "Occurred at",
          "Interaction time",
        ],
      ],
    },
    {
      key: "channel",
      label: "channel",
      type: "text",
      names: [
        [
          "Channel",
          "Marketing channel",
          "Touchpoint",
          "Touch point",
          "Default channel group",
          "Channel grouping",
          "Source / medium",
          "Source medium",
          "Source",
          "Medium",
          "Interaction",
        ],
      ],
    },
    {
      key: "campaign",
      label: "campaign",
      type: "text",
      names: [["Campaign", "Campaign ID", "Campaign name", "UTM campaign"]],
    },
    {
      key: "is_conversion",
      label: "conversion flag",
      type: "flag",
      names: [
        [
          "Conversion",
          "Converted",
          "Is conversion",
          "Conversion flag",
          "Is converted",
          "Purchase",
          "Conversion event",
        ],
      ],
    },
    {
      key: "conversion_value",
      label: "conversion value",
      type: "money",
      names: [
        [
          "Conversion value",
          "Value",
          "Revenue",
          "Order value",
          "Purchase value",
          "Transaction revenue",
          "Sale amount",
          "Total conversion value",
        ],
      ],
    },
    {
      key: "path",
      label: "path",
      type: "text",
      names: [
        [
          "Path",
          "Conversion path",
          "Channel path",
          "Journey path",
          "Top conversion paths",
          "Source / medium path",
          "Source medium path",
          "MCF channel grouping path",
          "Default channel grouping path",
          "Basic channel grouping path",
        ],
      ],
    },
    {
      key: "conversions",
      label: "conversions",
      type: "decimal",
      names: [["Conversions", "Total conversions", "Key events", "Results", "Converting journeys"]],
    },
    {
      key: "nulls",
      label: "non-converting count",
      type: "count",
      names: [
        [
          "Nulls",
          "Null",
          "Total nulls",
          "Non converting",
          "Non-converting",
          "Non-converting journeys",
          "Non conversions",
          "Not converted",
          "Dropped",
        ],
      ],
    },
    {
      key: "day",
      label: "date",
      type: "day",
      names: [
        [
          "Day",
          "Date",
          "Report date",
          "As of",
          "Export date",
          "Reporting ends",
          "End date",
          "Date end",
        ],
      ],
    },
  ],
  requirements: [
    (mapped) => {
      if (mapped.has("path")) return undefined;
      const missing = ["journey_id", "touched_at", "channel"].filter((k) => !mapped.has(k));
      if (missing.length === 0) return undefined;
      return requireOneOf(
        () => journeysSpec,
        ["path"],
        "the path",
      )(mapped)?.replace(
        /^no column for the path/,
        `no column for the path (path-level), or for ${missing.map((m) => m.replace("_", " ")).join(", ")} (event-level)`,
      );
    },
    (mapped, options) =>
      !mapped.has("path") || mapped.has("day") || options.date
        ? undefined
        : 'path-level rows need the day they are for: add a "Date" column or pass --date YYYY-MM-DD',
  ],
};

export type TouchpointRow = Omit<JourneyTouchpoint, "tenant_id">;
export type PathRow = Omit<JourneyPathRow, "tenant_id">;

export const touchpointRowReader: KeyedRowReader<TouchpointRow> = {
  table: "journey_touchpoints",
  keyField: "touched_at",
  key: (row) => `${row.journey_id}\u0000${row.touched_at}\u0000${row.channel}`,
  describe: (row) => `the ${row.channel} touch of journey "${row.journey_id}" at ${row.touched_at}`,
  read(r: CellReader): TouchpointRow | undefined {
    const journey = r.required("journey_id", "journey id");
    const at = r.instant("touched_at", "time");
    if (at === undefined) r.report("touched_at", "time is empty");
    const rawChannel = r.required("channel", "channel");
    const flagText = r.text("is_conversion");
    let flag: boolean | undefined;
    if (flagText !== undefined) {
      flag = readFlag(flagText);
      if (flag === undefined)
        r.report("is_conversion", "not a yes/no value (1/0, true/false, yes/no)", flagText);
    }
    const value = r.nonNegative("conversion_value", "conversion value");
    if (
      value === null ||
      journey === undefined ||
      !at ||
      rawChannel === undefined ||
      r.rowIssues > 0
    )
      return undefined;
    // Without a flag column, a value marks the converting touch.
    const converted = r.has("is_conversion") ? flag === true : (value ?? 0) > 0;
    if (!converted && (value ?? 0) > 0) {
      r.report("conversion_value", "a conversion value on a touch that is not a conversion");
      return undefined;
    }
    return {
      journey_id: journey,
      touched_at: at,
      channel: normalizeChannel(rawChannel),
      campaign_id: r.text("campaign") ?? null,
      is_conversion: converted ? 1 : 0,
      conversion_value: converted ? (value ?? 0) : 0,
    };
  },
};

export function pathRowReader(date: string | undefined): KeyedRowReader<PathRow> {
  return {
    table: "journey_paths",
    keyField: "path",
    key: (row) => `${row.day}\u0000${row.path}`,
    describe: (row) => `path "${row.path}" on ${row.day}`,
    read(r: CellReader): PathRow | undefined {
      const raw = r.required("path", "path");
      const path = raw === undefined ? undefined : normalizePath(raw);
      if (raw !== undefined && !path) r.report("path", "path has no channel", raw);
      const day = r.has("day") ? r.day("day", "date") : date;
      if (day === undefined) r.report("day", "date is empty");
      const conversions = r.count("conversions", "conversions", { round: true });
      const value = r.nonNegative("conversion_value", "conversion value");
      const nulls = r.count("nulls", "non-converting count");
      if (!path || !day || conversions === null || value === null || nulls === null)
        return undefined;
      return {
        day,
        path,
        conversions: conversions ?? 0,
        conversion_value: value ?? 0,
        nulls: nulls ?? 0,
      };
    },
  };
}
