using System.Text.Json;

namespace FairShare.Cli.Tests;

public class CliTests(CliFixture cli) : IClassFixture<CliFixture>
{
    [Fact]
    public async Task CatalogueList_Json_IsTheSameListingTheApiGives()
    {
        var (code, stdout, _) = await cli.RunAsync("catalogue", "list", "--data", cli.DataFolder, "--year", "2026", "--charging-class", "pooled", "--json");
        Assert.Equal(0, code);
        var listing = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal("2026/27", listing.GetProperty("financialYear").GetString());
        var codes = listing.GetProperty("offerings").EnumerateArray().Select(o => o.GetProperty("code").GetString()!).Order().ToArray();
        Assert.Equal(["AUD-FRAUD", "INS-LIAB", "INS-PROP", "LEG-TRIB"], codes);
    }

    [Fact]
    public async Task CatalogueList_ForTheNeighbour_ShowsOnlyItsOwnOfferings()
    {
        var (code, stdout, _) = await cli.RunAsync("catalogue", "list", "--data", cli.DataFolder, "--authority", "WBC", "--year", "2026", "--csv");
        Assert.Equal(0, code);
        var rows = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToArray();
        Assert.Equal(7, rows.Length);
        Assert.All(rows, r => Assert.Contains("Westvale Borough Council", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnknownAuthority_IsOneClearError()
    {
        var (code, stdout, stderr) = await cli.RunAsync("catalogue", "list", "--data", cli.DataFolder, "--authority", "XYZ");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal("fairshare: no authority has the code 'XYZ'.\n", stderr);
    }

    [Fact]
    public async Task DbMigrate_OnANewFolder_CreatesTheDatabase_ThenHasNothingToDo()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fairshare-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var first = await cli.RunAsync("db", "migrate", "--data", folder);
            var second = await cli.RunAsync("db", "migrate", "--data", folder);
            Assert.Equal(0, first.Code);
            Assert.StartsWith("Applied 1 migration", first.Out, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "fairshare.db")));
            Assert.Equal("The database is up to date.\n", second.Out);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
