using System.Globalization;
using FairShare.Features.Imports;

namespace FairShare.Features.Tests;

public class IsoDateTests
{
    public static TheoryData<string> Texts =>
    [
        "2026-05-01", "2024-02-29", "2026-02-29", "2026-02-28", "2026-13-01", "2026-00-10", "2026-04-31", "2026-04-30",
        "0000-01-01", "0001-01-01", "9999-12-31", "2026-5-01", "2026-05-1", " 2026-05-01", "2026-05-01 ", "2026/05/01",
        "01/05/2026", "2026-05-0a", "２０２６-05-01", "2026-05", "", "+026-05-01", "2026-05-01T00:00", "-2026-05-01",
    ];

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryParse_AcceptsExactlyWhatTheGeneralParserAccepts(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var general);
        Assert.Equal(expected, IsoDate.TryParse(text, out var fast));
        Assert.Equal(general, fast);
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void TryParseMonth_AcceptsExactlyWhatTheGeneralParserAccepts(string text)
    {
        var month = text.Length >= 7 ? text[..7] : text;
        var expected = DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var general);
        Assert.Equal(expected, IsoDate.TryParseMonth(month, out var fast));
        Assert.Equal(general, fast);
    }

    [Fact]
    public void TryParse_ReadsEveryDayOfFourYears()
    {
        for (var day = new DateOnly(2025, 1, 1); day.Year < 2029; day = day.AddDays(1))
        {
            Assert.True(IsoDate.TryParse(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), out var read));
            Assert.Equal(day, read);
        }
    }
}
