import { csvLine, spreadsheetSafe } from "./table-export";

describe("CSV cells of exports", () => {
  it.each([
    [
      '=HYPERLINK("https://evil.example","Invoice")',
      `'=HYPERLINK("https://evil.example","Invoice")`,
    ],
    ["+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1:A9)", "'@SUM(A1:A9)"],
    ["\t=1+1", "'\t=1+1"],
    ["\r=1+1", "'\r=1+1"],
    ["Anne Brandt", "Anne Brandt"],
    ["a=b", "a=b"],
    ["", ""],
  ])("%j is written as %j", (text, safe) => expect(spreadsheetSafe(text)).toBe(safe));

  it("neutralises text in every column of a line, quoting where CSV needs it, and leaves numbers and dates alone", () => {
    const at = new Date("2026-12-06T10:00:00.000Z");
    expect(csvLine(["=1+1", "x,y", -5, at, true, null, "\r=cmd"])).toBe(
      `'=1+1,"x,y",-5,2026-12-06T10:00:00.000Z,true,,"'\r=cmd"\r\n`,
    );
  });
});
