import { csvDelimiterOf } from "./csv";

describe("csvDelimiterOf", () => {
  it.each([
    ["email,role\na@x.test,EDITOR\n", ","],
    ["email;role\na@x.test;EDITOR\n", ";"],
    ["email\trole\na@x.test\tEDITOR\n", "\t"],
    ['\uFEFF" Role ";" EMAIL "\r\nVIEWER;a@x.test\r\n', ";"],
  ])("reads the delimiter of %j off its header", (text, delimiter) => {
    expect(csvDelimiterOf(text, ["email", "role"])).toBe(delimiter);
  });

  it("is not swayed by | or ; in the data (a file the property test found)", () => {
    const text =
      '" rolE "," emaiL ",Note\nEditor,2-+@x.test,L yp4E|Vjq\nVIeWer,c@x.test,"|"""\n" AdMinistratOr ",5e4@x.test,a;b|c\n';
    expect(csvDelimiterOf(text, ["email", "role"])).toBe(",");
  });

  it("falls back to a comma when no delimiter names every column", () => {
    expect(csvDelimiterOf("mail|role\n", ["email", "role"])).toBe(",");
  });
});
