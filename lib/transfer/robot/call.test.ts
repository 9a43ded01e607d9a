import { describe, expect, it } from "vitest";
import { parseRobotCall } from "./call";
import { ROBOT_CODE, robotRegistration } from "./definition";

const base: Record<string, string> = {
  workflow_id: "6579a1b2c3d4e5.12345678",
  code: ROBOT_CODE,
  "document_id[0]": "crm",
  "document_id[1]": "CCrmDocumentDeal",
  "document_id[2]": "DEAL_42",
  "document_type[2]": "DEAL",
  event_token: "wf|A1|ev.sig",
  "properties[moveContact]": "N",
  "properties[includeClosed]": "Y",
  "auth[member_id]": "abc123",
  "auth[application_token]": "secret",
  "auth[access_token]": "at-1",
  "auth[user_id]": "1",
  "auth[domain]": "portal.example.test",
};

describe("parseRobotCall", () => {
  it("reads the record, the options (absent ones take the registered defaults) and who is calling", () => {
    const call = parseRobotCall(Object.entries(base));
    expect(call).toEqual({
      auth: { memberId: "abc123", applicationToken: "secret", accessToken: "at-1", userId: 1, domain: "portal.example.test" },
      workflowId: "6579a1b2c3d4e5.12345678",
      eventToken: "wf|A1|ev.sig",
      entityTypeId: 2,
      recordId: 42,
      options: { moveContact: false, moveCompany: true, moveActivities: true, moveTasks: true, includeClosed: true },
    });
    expect(parseRobotCall(Object.entries({ ...base, "document_id[1]": "CCrmDocumentLead", "document_id[2]": "LEAD_7" }))).toMatchObject({
      entityTypeId: 1,
      recordId: 7,
    });
  });

  it("refuses another robot's call, a document ID of the wrong type, a missing application_token", () => {
    expect(() => parseRobotCall(Object.entries({ ...base, code: "other" }))).toThrow(/Not a call/);
    expect(() => parseRobotCall(Object.entries({ ...base, "document_id[2]": "LEAD_42" }))).toThrow(/does not match/);
    expect(() => parseRobotCall(Object.entries({ ...base, "document_id[1]": "CCrmDocumentContact" }))).toThrow(/Not a call/);
    const { "auth[application_token]": _, ...noToken } = base;
    expect(() => parseRobotCall(Object.entries(noToken))).toThrow(/Not a call/);
  });
});

describe("robotRegistration", () => {
  it("names the robot and its properties in every language and offers it on deal and lead stages only", () => {
    const reg = robotRegistration("https://app.example.test/", 7) as Record<string, any>;
    expect(reg).toMatchObject({ CODE: ROBOT_CODE, HANDLER: "https://app.example.test/api/bitrix24/robot", AUTH_USER_ID: 7, USE_SUBSCRIPTION: "Y" });
    expect(Object.keys(reg.NAME)).toEqual(["en", "ru", "de"]);
    expect(new Set(Object.values(reg.NAME)).size).toBe(3);
    expect(reg.PROPERTIES.includeClosed).toMatchObject({ Type: "bool", Default: "N" });
    expect(reg.PROPERTIES.moveTasks).toMatchObject({ Type: "bool", Default: "Y" });
    expect(Object.keys(reg.RETURN_PROPERTIES)).toEqual(["movedContacts", "movedCompanies", "movedActivities", "movedTasks", "failed"]);
    expect(reg.FILTER).toEqual({
      INCLUDE: [
        ["crm", "CCrmDocumentDeal"],
        ["crm", "CCrmDocumentLead"],
      ],
    });
  });
});
