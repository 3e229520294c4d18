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
}
