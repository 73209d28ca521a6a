import {
  APP_USER_AGE_GROUPS,
  APP_USER_GENDERS,
  type AppUser,
  type UserEvent,
} from "../../store/schema";
import type { CellReader } from "../cell-reader";
import type { FieldSpec, KindSpec } from "../fields";
import { requireOneOf } from "../mapping";
import { expected, readEventType, readUserAgeGroup, readUserGender } from "../values";
import type { KeyedRowReader } from "./keyed-rows";

/**
 * Loyalty programme exports (app back-ends, CRM dumps, public sample sets such as the
 * Starbucks rewards data: `id, gender, age, became_member_on`).
 */
const USER_ID: FieldSpec = {
  key: "user_id",
  label: "user id",
  type: "text",
  names: [
    [
      "User ID",
      "UserId",
      "User",
      "Customer ID",
      "Member ID",
      "Client ID",
      "Account ID",
      "Loyalty ID",
      "Customer",
      "Member",
    ],
    ["ID", "Person", "UID"],
  ],
};

export const usersSpec: KindSpec = {
  kind: "users",
  fields: [
    USER_ID,
    {
      key: "signup_date",
      label: "signup date",
      type: "day",
      names: [
        [
          "Signup date",
          "Sign up date",
          "Signed up",
          "Signup",
          "Registration date",
          "Registered",
          "Registered on",
          "Join date",
          "Joined",
          "Joined on",
          "Became member on",
          "Member since",
          "Enrollment date",
          "Enrolment date",
          "Created at",
          "Created",
        ],
      ],
    },
    { key: "gender", label: "gender", type: "enum", names: [["Gender", "Sex"]] },
    {
      key: "age_group",
      label: "age group",
      type: "enum",
      names: [["Age group", "Age range", "Age bracket", "Age band"]],
    },
    { key: "age", label: "age", type: "count", names: [["Age", "Age (years)", "Age in years"]] },
    {
      key: "segment",
      label: "segment",
      type: "text",
      names: [
        [
          "Segment",
          "Customer segment",
          "Loyalty tier",
          "Membership tier",
          "Tier",
          "Membership level",
          "Level",
          "Loyalty status",
          "Cohort",
        ],
      ],
    },
  ],
  requirements: [requireOneOf(() => usersSpec, ["user_id"], "the user id")],
};

export type UserRow = Omit<AppUser, "tenant_id">;

export const userRowReader: KeyedRowReader<UserRow> = {
  table: "app_users",
  keyField: "user_id",
  key: (row) => row.id,
  describe: (row) => `user "${row.id}"`,
  read(r: CellReader): UserRow | undefined {
    const id = r.required("user_id", "user id");
    const signup = r.day("signup_date", "signup date");
    const gender = r.choice("gender", "gender", readUserGender, expected(APP_USER_GENDERS));
    const ageText = r.text("age_group") ?? r.text("age");
    const field = r.text("age_group") !== undefined ? "age_group" : "age";
    let ageGroup: UserRow["age_group"] = "unknown";
    if (ageText !== undefined) {
      const group = readUserAgeGroup(ageText);
      if (group === undefined)
        r.report(
          field,
          `unknown age group; ${expected(APP_USER_AGE_GROUPS)} or an age in years`,
          ageText,
        );
      else ageGroup = group;
    }
    if (id === undefined || signup === null || gender === null) return undefined;
    return {
      id,
      signup_date: signup ?? null,
      gender: gender ?? "unknown",
      age_group: ageGroup,
      segment: r.text("segment")?.toLowerCase() ?? null,
    };
  },
};

export const userEventsSpec: KindSpec = {
  kind: "user-events",
  fields: [
    USER_ID,
    {
      key: "occurred_at",
      label: "time",
      type: "instant",
      names: [
        [
          "Timestamp",
          "Occurred at",
          "Event time",
          "Event timestamp",
          "Event date",
          "Datetime",
          "Date time",
          "Time",
          "Date",
          "Created at",
          "At",
        ],
      ],
    },
    {
      key: "event_type",
      label: "event type",
      type: "text",
      names: [["Event type", "Event", "Event name", "Type", "Action", "Activity", "Activity type"]],
    },
    {
      key: "points_earned",
      label: "points earned",
      type: "count",
      names: [["Points earned", "Earned points", "Points awarded", "Points gained", "Earned"]],
    },
    {
      key: "points_redeemed",
      label: "points redeemed",
      type: "count",
      names: [
        [
          "Points redeemed",
          "Redeemed points",
          "Points spent",
          "Points used",
          "Points burned",
          "Redeemed",
        ],
      ],
    },
    {
      key: "points",
      label: "points",
      type: "decimal",
      names: [["Points", "Points change", "Points delta", "Point balance change"]],
    },
  ],
  requirements: [
    requireOneOf(() => userEventsSpec, ["user_id"], "the user id"),
    requireOneOf(() => userEventsSpec, ["occurred_at"], "the time of each event"),
    requireOneOf(() => userEventsSpec, ["event_type"], "the event type"),
  ],
};

export type UserEventRow = Omit<UserEvent, "tenant_id">;

export const userEventRowReader: KeyedRowReader<UserEventRow> = {
  table: "user_events",
  keyField: "occurred_at",
  key: (row) => `${row.user_id}\u0000${row.occurred_at}\u0000${row.event_type}`,
  describe: (row) => `the ${row.event_type} event of user "${row.user_id}" at ${row.occurred_at}`,
  read(r: CellReader): UserEventRow | undefined {
    const userId = r.required("user_id", "user id");
    const at = r.instant("occurred_at", "time");
    if (at === undefined) r.report("occurred_at", "time is empty");
    const type = r.required("event_type", "event type");
    let earned = r.count("points_earned", "points earned");
    let redeemed = r.count("points_redeemed", "points redeemed");
    // One signed "points" column: positive is earned, negative redeemed.
    if (!r.has("points_earned") && !r.has("points_redeemed")) {
      const points = r.number("points", "points");
      if (points !== null && points !== undefined) {
        if (!Number.isInteger(points)) {
          r.report("points", "points must be a whole number", r.text("points"));
        } else if (points >= 0) earned = points;
        else redeemed = -points;
      }
    }
    if (userId === undefined || !at || type === undefined || earned === null || redeemed === null) {
      return undefined;
    }
    return {
      user_id: userId,
      occurred_at: at,
      event_type: readEventType(type),
      points_earned: earned ?? 0,
      points_redeemed: redeemed ?? 0,
    };
  },
};
