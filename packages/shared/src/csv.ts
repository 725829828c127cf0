/**
 * The delimiter of an imported CSV, read off its header line. Spreadsheets write commas, or
 * semicolons where the comma is the decimal separator, or tabs when copied; the parser's own
 * guess looks at the data too, and a `|` or `;` in a note column could make it split every
 * line wrongly (the property test found such a file). The header says it plainly.
 */
export const CSV_DELIMITERS = [",", ";", "\t"] as const;

export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/** A header cell as the importers compare it: unquoted, trimmed, lower case. */
export function csvHeaderName(cell: string): string {
  return cell
    .trim()
    .replace(/^"(.*)"$/s, "$1")
    .trim()
    .toLowerCase();
}

/**
 * The first delimiter that splits the first line into cells naming every `required` column
 * (lower case); a comma when none does, so the importer reports the missing columns.
 */
export function csvDelimiterOf(text: string, required: readonly string[]): CsvDelimiter {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/, 1)[0] ?? "";
  return (
    CSV_DELIMITERS.find((delimiter) => {
      const names = firstLine.split(delimiter).map(csvHeaderName);
      return required.every((column) => names.includes(column));
    }) ?? ","
  );
}
