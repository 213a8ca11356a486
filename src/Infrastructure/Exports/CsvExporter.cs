using System.Globalization;
using System.Text;
using CsvHelper;
using Ticketing.Application.Common.Interfaces;

namespace Ticketing.Infrastructure.Exports;

public sealed class CsvExporter : ICsvExporter
{
    // A holder named "=HYPERLINK(...)" must stay text when a spreadsheet opens the file (CSV injection): CsvHelper
    // prefixes text cells starting with = + - @ tab or CR with an apostrophe (numbers and dates are left alone).
    private static readonly CsvWriterOptions Options = new()
    {
        Injection = CsvInjection.Escape,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public byte[] Write<T>(IEnumerable<T> rows)
    {
        using var buffer = new MemoryStream();
        using (var text = new StreamWriter(buffer, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        using (var csv = CsvWriter.Create(text, Options, leaveOpen: true))
        {
            csv.WriteRecords(rows);
        }

        return buffer.ToArray();
    }
}
