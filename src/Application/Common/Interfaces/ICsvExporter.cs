namespace Ticketing.Application.Common.Interfaces;

/// <summary>
/// Writes rows as CSV (UTF-8, header row), with cells a spreadsheet would run as formulas neutralised. The row type must be
/// a CsvHelper <c>[CsvRecord]</c> partial type: its mapping is generated at compile time.
/// </summary>
public interface ICsvExporter
{
    byte[] Write<T>(IEnumerable<T> rows);
}
