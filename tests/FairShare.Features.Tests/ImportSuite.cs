using System.IO.Compression;
using System.Text;
using FairShare.Domain.Access;
using FairShare.Domain.Recording;
using FairShare.Features.Demo;
using FairShare.Features.Imports;
using FairShare.Features.Usage;
using FairShare.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FairShare.Features.Tests;

/// <summary>
/// Nothing lost, doubled or altered on import (issue 14): strict CSV, business keys, encodings, limits, bounds,
/// workbooks that are not what they claim; on SQLite and PostgreSQL. Every refusal writes nothing.
/// </summary>
public abstract class ImportSuite<TDatabase>(TDatabase database) : IClassFixture<TDatabase> where TDatabase : DatabaseFixture
{
    private const string Usage = "recordId,date,buyer,offering,quantity,jobReference,recordedBy\n";
    private static readonly RoleGrant Finance = new(Role.FinanceOfficer);

    private async Task<Outcome<ImportResult>> ImportAsync(ImportKind kind, byte[] content, string name = "file.csv", ImportEncoding encoding = ImportEncoding.Utf8)
    {
        await using var scope = await database.ScopeForAsync(DemoCatalogue.CountyCode, Finance, "Test finance officer");
        return await scope.ServiceProvider.GetRequiredService<ImportFile>().HandleAsync(new ImportRequest(kind, name, content, Encoding: encoding));
    }

    private Task<Outcome<ImportResult>> ImportAsync(ImportKind kind, string csv, string name = "file.csv") => ImportAsync(kind, Encoding.UTF8.GetBytes(csv), name);

    /// <summary>Imports what must be refused as invalid, checks nothing at all was written, and gives the problems.</summary>
    private async Task<IReadOnlyList<string>> RefusedAsync(ImportKind kind, byte[] content, string name = "file.csv", ImportEncoding encoding = ImportEncoding.Utf8)
    {
        var before = await CountsAsync();
        var outcome = await ImportAsync(kind, content, name, encoding);
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(before, await CountsAsync());
        return [.. outcome.Rows().Select(r => r.ToString())];
    }

    private Task<IReadOnlyList<string>> RefusedAsync(ImportKind kind, string csv) => RefusedAsync(kind, Encoding.UTF8.GetBytes(csv));

    private async Task<(int, int, int, int, int)> CountsAsync()
    {
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        return (await db.ImportBatches.CountAsync(), await db.Usage.CountAsync(), await db.DriverValues.CountAsync(), await db.CostActuals.CountAsync(), await db.ProviderCosts.CountAsync());
    }

    [Fact]
    public async Task AStrayQuote_IsRefusedOnItsLine_InsteadOfSwallowingTheRestOfTheFile()
    {
        var problems = await RefusedAsync(ImportKind.Usage, Usage
            + "Q-1,2027-01-05,\"F-OP,LEG-ADV,1,J,me\nQ-2,2027-01-05,F-OP,LEG-ADV,1,J,me\nQ-3,2027-01-05,F-OP,LEG-ADV,1,J,me\n");
        Assert.Equal(["line 2: The row has a quote that is not closed on this line; a field may not run onto the next line. Close the quote, or remove it."], problems);
    }

    [Fact]
    public async Task AThousandsSeparator_OrAnExtraColumn_IsRefused_NotReadAsASmallerNumber()
    {
        var problems = await RefusedAsync(ImportKind.Usage, Usage + "T-1,2027-01-05,F-OP,LEG-ADV,1,000,J,me\nT-2,2027-01-05,F-OP,LEG-ADV,1,J,me,extra\nT-3,2027-01-05,F-OP\n");
        Assert.Equal(3, problems.Count);
        Assert.StartsWith("line 2: The row has 8 fields; the header has 7. A number written with a thousands separator (1,000)", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: The row has 8 fields; the header has 7.", problems[1], StringComparison.Ordinal);
        Assert.Equal("line 4: The row has 3 fields; the header has 7.", problems[2]);
        // In quotes it is one field, and still not a number as imports write them.
        Assert.Equal(["line 2, quantity '1,000': is not a number as imports write them: no £ and no thousands separators (1234.50)."],
            await RefusedAsync(ImportKind.Usage, Usage + "T-4,2027-01-05,F-OP,LEG-ADV,\"1,000\",J,me\n"));
    }

    [Theory]
    [InlineData(ImportKind.Attributions, "period,provider,buyer,amount,description\n2027-01,S-LEG,F-CSC,420.00,Counsel for the Jones hearing\n")]
    [InlineData(ImportKind.Apportionments, "period,provider,driver,amount,description\n2027-01,S-INS,FTE,999.99,Motor fleet premium\n")]
    public async Task ProviderCosts_SavedAgainWithOtherLineEndings_AreRefusedByWhatTheyHold(ImportKind kind, string csv)
    {
        var first = await ImportAsync(kind, csv).Ok();
        var resaved = csv.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n";
        var problems = await RefusedAsync(kind, Encoding.UTF8.GetBytes(resaved));
        var problem = Assert.Single(problems);
        Assert.Contains($"as one held already, from import {first.BatchId}; it is imported once.", problem, StringComparison.Ordinal);
        Assert.StartsWith("line 2, description", problem, StringComparison.Ordinal);
        // The same line twice in one file is the same cost twice.
        var twice = await RefusedAsync(kind, csv.Replace("2027-01", "2027-02", StringComparison.Ordinal) + csv.Split('\n')[1].Replace("2027-01", "2027-02", StringComparison.Ordinal) + "\n");
        Assert.EndsWith("as one held already, on line 2.", Assert.Single(twice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Windows1252_IsRefusedAsUtf8NamingTheLine_AndReadExactlyWhenTheUserSaysSo()
    {
        byte[] file = [.. "period,provider,buyer,amount,description\n2027-01,S-LEG,F-CSC,50.00,Court fee "u8, 0xA3, .. "50 paid for F-CSC\n"u8];
        var refused = Assert.Single(await RefusedAsync(ImportKind.Attributions, file));
        Assert.StartsWith("Line 2 is not UTF-8 text", refused, StringComparison.Ordinal);
        Assert.Contains("import it as Windows-1252", refused, StringComparison.Ordinal);

        await ImportAsync(ImportKind.Attributions, file, encoding: ImportEncoding.Windows1252).Ok();
        await using var scope = database.Scope();
        var db = scope.ServiceProvider.GetRequiredService<FairShareDbContext>();
        db.SystemAccess = true;
        Assert.True(await db.ProviderCosts.AnyAsync(c => c.Description == "Court fee \u00a350 paid for F-CSC"));
    }

    [Fact]
    public async Task ControlCharacters_AndDamagedText_AreRefusedByLine()
    {
        var problems = await RefusedAsync(ImportKind.Usage, Usage + "N-1\u0000,2027-01-05,F-OP,LEG-ADV,1,J,me\nN-2,2027-01-05,F-OP,LEG-ADV,1,J,M\uFFFDller\n");
        Assert.StartsWith("line 2: The row holds the character U+0000 at position 4", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("line 3: The row holds the character U+FFFD", problems[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryTextField_HasAMaximum_AndAHugeRowIsRefusedWithoutBeingStored()
    {
        var problems = await RefusedAsync(ImportKind.Usage, Usage
            + $"{new string('R', 2_000_000)},2027-01-05,F-OP,LEG-ADV,1,J,me\n"
            + $"L-1,2027-01-05,F-OP,LEG-ADV,1,{new string('J', 201)},me\n"
            + $"{new string('r', 81)},2027-01-05,F-OP,LEG-ADV,1,J,me\n");
        Assert.Equal(
            [
                "line 2: The row is 2,000,031 characters long; a row may be at most 4,000.",
                $"line 3, jobReference '{new string('J', 40)}…': is 201 characters long; at most 200 are kept.",
                $"line 4, recordId '{new string('r', 40)}…': is 81 characters long; at most 80 are kept.",
            ],
            problems);
    }

    [Fact]
    public async Task HugeMagnitudes_AreRefused_SoNoPeriodIsMadeImpossibleToRun()
    {
        Assert.Equal(
            [
                "line 2, quantity '1e20': is not a number.",
                "line 3, quantity '100000000000000000000': is more than 1,000,000, the most a quantity may be.",
                "line 4, quantity '99999999999999999999999999999': is not a number.",
                "line 5, quantity '0.00001': has more than 4 decimal places.",
                "line 6, quantity '-1': cannot be negative.",
            ],
            await RefusedAsync(ImportKind.Usage, Usage + "M-1,2027-01-05,F-OP,LEG-ADV,1e20,J,me\nM-2,2027-01-05,F-OP,LEG-ADV,100000000000000000000,J,me\n"
                + "M-3,2027-01-05,F-OP,LEG-ADV,99999999999999999999999999999,J,me\nM-4,2027-01-05,F-OP,LEG-ADV,0.00001,J,me\nM-5,2027-01-05,F-OP,LEG-ADV,-1,J,me\n"));
        Assert.Equal(
            [
                "line 2, amount '100000000000000000000': is more than 1,000,000,000, the most an amount in pounds may be.",
                "line 3, amount '-1000000000.01': is less than -1,000,000,000, the least an amount in pounds may be.",
            ],
            await RefusedAsync(ImportKind.Costs, "period,costCentre,account,amount\n2027-01,S-LEG,1000,100000000000000000000\n2027-01,S-LEG,2000,-1000000000.01\n"));
        Assert.Equal(["line 2, value '1000000000.5': is more than 1,000,000,000, the most a driver's value may be."],
            await RefusedAsync(ImportKind.Drivers, "period,costCentre,driver,value\n2027-01,F-OP,FTE,1000000000.5\n"));
    }

    [Fact]
    public async Task AMillionBadRows_AreCounted_AndTheFirstHundredListed()
    {
        var csv = new StringBuilder(Usage);
        for (var i = 0; i < 150; i++)
        {
            csv.Append("B-").Append(i).Append(",2027-01-05,NOPE,LEG-ADV,1,J,me\n");
        }
        var problems = await RefusedAsync(ImportKind.Usage, csv.ToString());
        Assert.Equal(ImportProblems.Kept + 1, problems.Count);
        Assert.Equal("50 more problems are not listed: mend those above and import the file again to see the rest (150 in all).", problems[^1]);
    }

    public static TheoryData<string, byte[], string> NotWorkbooks => new()
    {
        { "empty.xlsx", [], "The file is empty." },
        { "text.xlsx", "recordId,date\n"u8.ToArray(), "The file is not an Excel workbook (.xlsx)" },
        { "random.xlsx", [.. new Random(14).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 5000)], "The file is not an Excel workbook (.xlsx)" },
        { "zip.xlsx", Zip(("readme.txt", 10)), "The file is not an Excel workbook (.xlsx)" },
        { "truncated.xlsx", Zip(("xl/workbook.xml", 10))[..40], "The file is not an Excel workbook (.xlsx)" },
        { "bomb.xlsx", Zip(("xl/workbook.xml", 10), ("xl/worksheets/sheet1.xml", (int)TabularFile.MaxWorkbookBytes + 1)), "The workbook unpacks to more than 100 MB" },
        { "parts.xlsx", Zip([.. Enumerable.Range(0, TabularFile.MaxWorkbookEntries + 1).Select(i => ($"xl/part{i}.xml", 1)), ("xl/workbook.xml", 1)]), "The workbook holds 202 parts" },
        { "broken.xlsx", Zip(("xl/workbook.xml", 10), ("[Content_Types].xml", 10)), "" },
        { "old.xls", [0xD0, 0xCF, 0x11, 0xE0], "This is an old Excel file (.xls)" },
    };

    [Theory]
    [MemberData(nameof(NotWorkbooks))]
    public async Task AFileThatIsNotTheWorkbookItClaims_IsRefusedClearly_BeforeItIsParsed(string name, byte[] content, string problem)
    {
        var problems = await RefusedAsync(ImportKind.Usage, content, name);
        Assert.StartsWith(problem, Assert.Single(problems), StringComparison.Ordinal);
    }

    /// <summary>A zip of entries of the given sizes, each all spaces: a 100 MB entry packs into about 100 KB.</summary>
    private static byte[] Zip(params (string Name, int Bytes)[] entries)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            var chunk = new byte[1 << 20];
            Array.Fill(chunk, (byte)' ');
            foreach (var (name, bytes) in entries)
            {
                using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
                for (var left = bytes; left > 0; left -= chunk.Length)
                {
                    stream.Write(chunk, 0, Math.Min(left, chunk.Length));
                }
            }
        }
        return memory.ToArray();
    }

    [Fact]
    public async Task TwoImportsOfOneFile_AtOnce_OneImports_AndTheOtherIsToldSo()
    {
        var csv = Encoding.UTF8.GetBytes("period,costCentre,driver,value\n2027-01,F-OP,desks,12\n2027-01,F-CSC,desks,30\n");
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => ImportAsync(ImportKind.Drivers, csv))));
        Assert.Single(outcomes, o => o.IsOk);
        Assert.All(outcomes.Where(o => !o.IsOk), o => Assert.Equal(OutcomeKind.Invalid, o.Kind));
    }

    [Fact]
    public async Task AnEncodingOrKindThatIsNotOne_IsInvalid()
    {
        var outcome = await ImportAsync(ImportKind.Usage, "x"u8.ToArray(), encoding: (ImportEncoding)7);
        Assert.Equal(["encoding Choose UTF-8 or Windows-1252."], outcome.Problems());
        Assert.Equal(OutcomeKind.Invalid, (await ImportAsync((ImportKind)99, "x"u8.ToArray())).Kind);
    }

    [Fact]
    public async Task TheApi_KeepsTheSameRules_AsTheFile()
    {
        await using var scope = await database.ScopeForAsync(DemoCatalogue.CountyCode, Finance, "Test finance officer");
        var outcome = await scope.ServiceProvider.GetRequiredService<RecordUsage>().HandleAsync(new RecordUsageRequest(
            [
                new UsageRecordInput(new string('x', 100_000), "2027-01-05", "F-OP", "LEG-ADV", 1, null, null),
                new UsageRecordInput("API-BIG", "2027-01-05", "F-OP", "LEG-ADV", 1e20m, null, null),
                new UsageRecordInput("API-FAR", "2099-05-01", "F-OP", "LEG-ADV", 1, null, null),
            ]));
        Assert.Equal(OutcomeKind.Invalid, outcome.Kind);
        Assert.Equal(
            [
                $"records[0].recordId '{new string('x', 40)}…': is 100,000 characters long; at most 80 are kept.",
                "records[1].quantity '100000000000000000000': is more than 1,000,000, the most a quantity may be.",
                "records[2].date '2099-05-01': is not in a financial year that takes records now: records go into 2025/26, 2026/27 and 2027/28.",
            ],
            outcome.Problems());
    }
}

public sealed class ImportOnSqlite(SqliteDatabase database) : ImportSuite<SqliteDatabase>(database);

public sealed class ImportOnPostgres(PostgresDatabase database) : ImportSuite<PostgresDatabase>(database);
