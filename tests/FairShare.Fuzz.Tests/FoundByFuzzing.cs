using System.Diagnostics;
using FairShare.Domain;
using FairShare.Domain.Recording;
using FairShare.Features.Imports;
using FairShare.Features.Inputs;

namespace FairShare.Fuzz.Tests;

/// <summary>What the fuzzers found, each named after its input, kept as a test so it stays mended.</summary>
public sealed class FoundByFuzzing
{
    /// <summary>
    /// A calendar-year authority's adjustment period is written "2026-P13" (its year's label is "2026"), and was not
    /// read back: every page, file and command line that wrote it could not take it again.
    /// </summary>
    [Theory]
    [InlineData("2026-P13", 1, 2026, 13)]
    [InlineData("2026-p05", 1, 2026, 5)]
    [InlineData("2026/27-P13", 4, 2026, 13)]
    [InlineData("2026-P13", 4, 2026, 13)]
    public void Period_2026_P13_OfACalendarYear_ReadsBackAsItIsWritten(string text, int yearStartMonth, int year, int number)
    {
        var period = Parse.Period(text, yearStartMonth);
        Assert.True(period.IsSuccess, string.Join("; ", period.Errors));
        Assert.Equal(new FinancialYear(year, yearStartMonth).Period(number), period.Value);
        Assert.Equal(period.Value, Parse.Period(period.Value.Month, yearStartMonth).Value);
    }

    /// <summary>
    /// Digits of other scripts (full-width ２０２６, Arabic-Indic ٢٠٢٦) matched the patterns' \d and then threw
    /// FormatException in int.Parse: a 500 on the web, a stack trace on the command line, from a period typed or imported.
    /// </summary>
    [Theory]
    [InlineData("２０２６-05", "period")]
    [InlineData("٢٠٢٦-٠٥", "period")]
    [InlineData("2026/２７-P05", "period")]
    [InlineData("２０２６", "year")]
    [InlineData("2026/٢٧", "year")]
    public void Period_InFullWidthOrArabicIndicDigits_２０２６_05_IsAnErrorOfItsField_NotAFormatException(string text, string field)
    {
        var errors = field == "period" ? Parse.Period(text, 4).Errors : Parse.FinancialYear(text, 4).Errors;
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Field);
        Assert.Contains($"'{text}' is not a", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A 3 KB workbook whose dimension, or one row's or cell's reference, reaches column XFD or row 1,048,577 was read
    /// as 16,384 columns (half a minute) or a million empty rows (ten seconds) on the shared server. Refused at the
    /// door now, in well under a second; a sheet within the bounds reads as before.
    /// </summary>
    [Theory]
    [InlineData(0, "A1:XFD1048576", "The sheet reaches row 1,048,576")]
    [InlineData(0, "XFD1", "The sheet reaches column XFD; a workbook may have at most 256 columns")]
    [InlineData(1, "1048577", "The sheet reaches row 1,048,577; a workbook may have at most 300,000 rows")]
    [InlineData(9, "1048577", "The sheet reaches row 1,048,577")]
    [InlineData(1, "A99999999999", "The sheet reaches row 99,999,999,999")]
    [InlineData(0, "A1:IV3", null)]
    [InlineData(1, "A300000", null)]
    public void AWorkbookReaching_XFD_Or_Row1048577_IsRefusedAtTheDoor_NotReadForHalfAMinute(int at, string reference, string? problem)
    {
        var workbook = FileReaderFuzz.Referenced(Seeds.Workbook(Seeds.Csv[ImportKind.Usage][0])!, at, reference);
        var clock = Stopwatch.StartNew();
        var (file, refused) = TabularFile.Open("usage.xlsx", workbook);
        var rows = file?.Rows.Count();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"read for {clock.Elapsed}");
        if (problem is null)
        {
            Assert.Null(refused);
            Assert.NotNull(rows);
        }
        else
        {
            Assert.StartsWith(problem, refused, StringComparison.Ordinal);
        }
    }

    /// <summary>
    /// A workbook part that starts with bytes its encoding cannot hold (a UTF-8 mark, then 0xFF) threw XmlException out
    /// of the check on how far its sheet reaches (added above, and found by the ten-minute run). Now the reader answers:
    /// the workbook is damaged, or (a part MiniExcel does not need) its rows are read.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(6)]
    public void AWorkbookPartStarting_EF_BB_BF_FF_IsADamagedWorkbook_NotAnXmlException(int part)
    {
        var workbook = FileReaderFuzz.Reparted(Seeds.Workbook(Seeds.Csv[ImportKind.Usage][0])!, part, [new(1, 0, 0xEF), new(1, 1, 0xBB), new(1, 2, 0xBF), new(1, 3, 0xFF)], 2);
        var outcome = FileReaderFuzz.Read("usage.xlsx", workbook, ImportEncoding.Utf8);
        Assert.Matches("^(file: The header \\(row 1\\) could not be read: the workbook is damaged|read rows)", outcome);
    }

    /// <summary>
    /// A workbook's cell holding a line break, a NUL or U+FFFD was taken as it was, where the same text in a CSV file
    /// is refused on its line: now a fault of its row, naming the column, as in CSV.
    /// </summary>
    [Theory]
    [InlineData("two\nlines", "line 2: The row has a line break in column 6 at position 4")]
    [InlineData("a\u0000b", "line 2: The row holds the character U+0000 in column 6 at position 2")]
    [InlineData("M\uFFFDller", "line 2: The row holds the character U+FFFD in column 6 at position 2")]
    public void AWorkbookCellHolding_LF_NUL_OrFFFD_IsAFaultOfItsRow_AsInCsv(string job, string fault)
    {
        Dictionary<string, object> row = new() { ["recordId"] = "FZ-1", ["date"] = "2027-01-05", ["buyer"] = "F-OP", ["offering"] = "LEG-ADV", ["quantity"] = 1, ["jobReference"] = job, ["recordedBy"] = "Fuzz" };
        using var stream = new MemoryStream();
        MiniExcelLibs.MiniExcel.SaveAs(stream, new[] { row });
        var file = TabularFile.Open("usage.xlsx", stream.ToArray()).File!;
        var read = Assert.Single(file.Rows);
        Assert.StartsWith(fault, $"line {read.Line}: The row {read.Fault}", StringComparison.Ordinal);
    }
}
