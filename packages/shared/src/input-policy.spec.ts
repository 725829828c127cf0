import { fieldLabel, inputProblem, inputRuleFor, TEXT_LIMITS } from "./input-policy";

const name = inputRuleFor("UpdateMemberInput", "name")!;
const multiLine = { kind: "multilineText" as const, maxLength: 100 };

describe("input policy", () => {
  it("prefers a Type.field entry over the bare field name", () => {
    expect(inputRuleFor("CreateApiTokenInput", "name")).toEqual({
      kind: "text",
      maxLength: TEXT_LIMITS.apiTokenName,
    });
    expect(inputRuleFor("SignUpInput", "name")).toEqual({ kind: "name", maxLength: 200 });
    expect(inputRuleFor("SomeInput", "unheardOf")).toBeNull();
  });

  it.each([
    ["a NUL byte", "Ada\u0000", "control"],
    ["an escape", "Ada\u001b[31m", "control"],
    ["a C1 control", "Ada\u0085", "control"],
    ["DEL", "Ada\u007f", "control"],
    ["a tab", "Ada\tLovelace", "control"],
    ["CR/LF", "Acme\r\nBcc: x@example.com", "lineBreak"],
    ["a right-to-left override", "Invoice \u202Efdp.exe", "bidi"],
    ["an isolate", "Ada \u2066x\u2069", "bidi"],
    ["10,000 characters", "a".repeat(10_000), "tooLong"],
  ])("refuses %s in a name", (_label, value, reason) => {
    expect(inputProblem(value, name, "Name")?.reason).toBe(reason);
  });

  it("accepts ordinary Unicode names up to the limit", () => {
    for (const value of ["Änne Müller", "李小龍", "محمد", "Zoë 👩🏽‍💻", "a".repeat(200)])
      expect(inputProblem(value, name, "Name")).toBeNull();
    expect(inputProblem("a".repeat(201), name, "Name")?.message).toBe(
      "Name must be at most 200 characters.",
    );
  });

  it("lets multi-line text keep tabs, line breaks and bidi, but no other control characters", () => {
    expect(inputProblem("Hello\n\tworld \u202Bשלום\u202C", multiLine, "Message")).toBeNull();
    expect(inputProblem("Hello\r\nworld", multiLine, "Message")?.reason).toBe("lineBreak");
    expect(inputProblem("Hello\u0000", multiLine, "Message")?.message).toBe(
      "Message contains the control character U+0000; remove it.",
    );
  });

  it("leaves a CSV document's cells to the importer, and lets passwords hold bidi characters", () => {
    const csv = inputRuleFor("ImportClientsInput", "csv")!;
    expect(inputProblem("a,b\r\nc,\td\u0000\n", csv, "CSV")).toBeNull();
    expect(inputProblem("a".repeat(csv.maxLength + 1), csv, "CSV")?.reason).toBe("tooLong");
    const password = inputRuleFor("LogInInput", "password")!;
    expect(inputProblem("pass\u202Eword-123", password, "Password")).toBeNull();
    expect(inputProblem("pass\u0000word-123", password, "Password")?.reason).toBe("control");
  });

  it("labels fields for messages", () => {
    expect(fieldLabel("companyName")).toBe("Company name");
    expect(fieldLabel("email")).toBe("Email");
  });
});
