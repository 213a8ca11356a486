using System.Text;
using Ticketing.Application.Door.Queries.ExportAttendees;
using Ticketing.Infrastructure.Exports;

namespace Ticketing.UnitTests.Infrastructure.Exports;

public sealed class CsvExporterTests
{
    [Theory]
    [InlineData("=1+1")]
    [InlineData("+1 555")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    public void A_cell_a_spreadsheet_would_run_is_written_as_text(string holder)
    {
        var cell = HolderCellOf(Row(holder));

        cell.TrimStart('"').ShouldStartWith("'");
        cell.ShouldContain(holder.TrimStart('\t', '\r')[..1]);
    }

    [Fact]
    public void Ordinary_cells_are_written_as_they_are_with_a_header()
    {
        var csv = Encoding.UTF8.GetString(new CsvExporter().Write([Row("Ada Lovelace") with { CheckedInAt = "2026-11-23T19:05:00.379113+00:00" }]));

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("Booking,Ticket,Holder,Email,Phone,SeatOrType,Status,CheckedInAt");
        lines[1].ShouldEndWith(",Ada Lovelace,ada@example.com,,A-1,CheckedIn,2026-11-23T19:05:00.379113+00:00");
        Encoding.UTF8.GetPreamble().ShouldNotBe(new CsvExporter().Write([Row("x")]).Take(3).ToArray(), "a byte-order mark would end up in the first header cell");
    }

    private static AttendeeRow Row(string holder) =>
        new(Guid.NewGuid(), Guid.NewGuid(), holder, "ada@example.com", null, "A-1", "CheckedIn", null);

    private static string HolderCellOf(AttendeeRow row)
    {
        var csv = Encoding.UTF8.GetString(new CsvExporter().Write([row]));
        var record = csv[(csv.IndexOf("\r\n", StringComparison.Ordinal) + 2)..];
        var afterTwoIds = record[(record.IndexOf(',', record.IndexOf(',') + 1) + 1)..];
        return afterTwoIds[..afterTwoIds.IndexOf(",ada@", StringComparison.Ordinal)];
    }
}
