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
        Assert.Equal(9, rows.Length);
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
            Assert.Matches(@"^Applied \d+ migrations: \d+_InitialCatalogue, ", first.Out);
            Assert.True(File.Exists(Path.Combine(folder, "fairshare.db")));
            Assert.Equal("The database is up to date.\n", second.Out);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Verify_OnAPostingForgedInTheFile_ExitsNotIntact_AndNamesThePosting()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fairshare-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, (await cli.RunAsync("demo", "--data", folder)).Code);
            Assert.Equal(0, (await cli.RunAsync("recharge", "run", "--period", "2026-04", "--data", folder)).Code);
            Assert.Equal(0, (await cli.RunAsync("verify", "--data", folder)).Code);
            long posting;
            // What anyone holding the file can do: drop the triggers and change a pound.
            await using (var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "fairshare.db")}"))
            {
                await file.OpenAsync();
                await using var command = file.CreateCommand();
                command.CommandText = """
                    DROP TRIGGER Postings_no_update;
                    UPDATE "Postings" SET "AmountPence" = "AmountPence" + 100 WHERE "Id" = (SELECT min("Id") FROM "Postings");
                    SELECT min("Id") FROM "Postings";
                    """;
                posting = (long)(await command.ExecuteScalarAsync())!;
            }
            var (code, stdout, _) = await cli.RunAsync("verify", "--data", folder);
            Assert.Equal(6, code);
            Assert.Contains("NOT INTACT", stdout, StringComparison.Ordinal);
            Assert.Contains($"posting {posting} (sequence 1): seal-mismatch:", stdout, StringComparison.Ordinal);
            Assert.Contains("unbalanced: debits", stdout, StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task TwoPeople_On_RefusesTheOperatorWhoPreparedTheDryRun_BeforeAnythingIsWritten()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fairshare-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            Assert.Equal(0, (await cli.RunAsync("demo", "--data", folder)).Code);
            var on = await cli.RunAsync("authority", "two-people", "on", "--data", folder);
            Assert.Equal((0, "Northshire County Council now requires two people: whoever prepares a run's dry run cannot post, reverse or close it.\n"), (on.Code, on.Out));
            Assert.Equal(0, (await cli.RunAsync("recharge", "run", "--period", "2026-04", "--dry-run", "--data", folder)).Code);
            var post = await cli.RunAsync("recharge", "run", "--period", "2026-04", "--data", folder);
            Assert.Equal(5, post.Code);
            Assert.Contains("you prepared the dry run of 2026-04, so someone else must post it.", post.Error, StringComparison.Ordinal);
            Assert.Contains("0 journals", (await cli.RunAsync("verify", "--data", folder)).Out, StringComparison.Ordinal);
            var off = await cli.RunAsync("authority", "two-people", "off", "--data", folder);
            Assert.Equal(0, off.Code);
            Assert.Equal(0, (await cli.RunAsync("recharge", "run", "--period", "2026-04", "--data", folder)).Code);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Tokens_IssueListRevoke_AndTheTokenActsAsItsRoleOnly()
    {
        var (code, stdout, _) = await cli.RunAsync("tokens", "issue", "--data", cli.DataFolder, "--name", "Legal time recording",
            "--role", "provider-staff", "--cost-centre", "S-LEG", "--days", "30");
        Assert.Equal(0, code);
        var secret = stdout.Trim().Split('\n')[^1];
        Assert.StartsWith("fs_", secret, StringComparison.Ordinal);

        var listed = await cli.RunAsync("tokens", "list", "--data", cli.DataFolder);
        Assert.Contains("Legal time recording", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, listed.Out, StringComparison.Ordinal);

        var refused = await cli.RunAsync("tokens", "list", "--data", cli.DataFolder, "--token", secret);
        Assert.Equal(3, refused.Code);
        Assert.Equal("fairshare: refused: API token 'Legal time recording' (Provider staff) cannot see API tokens.\n", refused.Error);

        var id = System.Text.RegularExpressions.Regex.Match(stdout, @"Issued token (\d+)").Groups[1].Value;
        Assert.Equal(0, (await cli.RunAsync("tokens", "revoke", id, "--data", cli.DataFolder)).Code);
        var revoked = await cli.RunAsync("catalogue", "list", "--data", cli.DataFolder, "--token", secret);
        Assert.Equal(1, revoked.Code);
        // The same sentence the API gives in its 401.
        Assert.Equal("fairshare: The API token has been revoked.\n", revoked.Error);
    }

    [Fact]
    public async Task AuditExport_WritesTheLogAsCsv_WithFormulasNeutralised()
    {
        var (issued, _, _) = await cli.RunAsync("tokens", "issue", "--data", cli.DataFolder, "--name", "=HYPERLINK(\"http://evil\")", "--role", "Auditor");
        Assert.Equal(0, issued);
        var (code, stdout, _) = await cli.RunAsync("audit", "export", "--data", cli.DataFolder, "--text", "HYPERLINK");
        Assert.Equal(0, code);
        var lines = stdout.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,at,actor,via,action,entityType,entityId,before,after", lines[0]);
        Assert.Contains(",cli,api-token.issue,ApiToken,", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"{\"\"name\"\":\"\"=HYPERLINK", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsersAdd_CreatesAnAccountTheListShows()
    {
        var (code, stdout, stderr) = await cli.RunAsync("users", "add", "--data", cli.DataFolder, "--email", "new.auditor@northshire.example",
            "--name", "New Auditor", "--role", "Auditor");
        Assert.Equal((0, ""), (code, stderr));
        Assert.Equal("Created new.auditor@northshire.example (New Auditor) as Auditor.\n", stdout);
        Assert.Contains("new.auditor@northshire.example", (await cli.RunAsync("users", "list", "--data", cli.DataFolder)).Out, StringComparison.Ordinal);
        var refused = await cli.RunAsync("users", "add", "--data", cli.DataFolder, "--email", "x@northshire.example", "--name", "X", "--role", "budget-holder");
        Assert.Equal((2, "fairshare: costCentreId: a budget holder needs one of this authority's cost centres.\n"), (refused.Code, refused.Error));
        var badRole = await cli.RunAsync("users", "add", "--data", cli.DataFolder, "--email", "y@northshire.example", "--name", "Y", "--role", "3");
        Assert.Equal((2, "fairshare: --role: '3' is not one of budget-holder, provider-manager, provider-staff, finance-officer, value-for-money-panel, auditor, supplier, administrator.\n"),
            (badRole.Code, badRole.Error));
    }

    [Fact]
    public async Task Demo_WithADataFolderNotMadeYet_MakesIt_WritesMaysUsageThere_AndSaysWhere()
    {
        // As with PostgreSQL: the database lives elsewhere, so nothing has made the data folder the file goes to.
        var root = Path.Combine(Path.GetTempPath(), "fairshare-cli-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        try
        {
            var (code, stdout, stderr) = await cli.RunAsync("demo", "--connection-string", $"Data Source={Path.Combine(root, "fairshare.db")}", "--data", data);
            Assert.Equal((0, ""), (code, stderr));
            var file = Assert.Single(Directory.GetFiles(data, "demo-usage-*.csv"));
            Assert.EndsWith($"\nThe demo leaves one month of usage for you to import: {file}\n", stdout, StringComparison.Ordinal);
            Assert.StartsWith("recordId,date,buyer,offering,quantity,jobReference,recordedBy\r\n", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("users", "budget-holder")]
    [InlineData("tokens", "provider-staff")]
    public async Task Role_TakesTheApisWords(string command, string role)
    {
        string[] args = command == "users"
            ? ["users", "add", "--data", cli.DataFolder, "--email", $"{role}.words@northshire.example", "--name", "Worded Role", "--role", role, "--cost-centre", "F-OP"]
            : ["tokens", "issue", "--data", cli.DataFolder, "--name", "Worded role", "--role", role, "--cost-centre", "S-LEG", "--days", "1"];
        var (code, _, stderr) = await cli.RunAsync(args);
        Assert.Equal((0, ""), (code, stderr));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("99")]
    [InlineData("auditor, supplier")]
    public async Task Role_ThatIsANumberOrNoRole_IsRefusedListingTheWords(string role)
    {
        var tokens = await cli.RunAsync("tokens", "list", "--data", cli.DataFolder);
        var (code, stdout, stderr) = await cli.RunAsync("tokens", "issue", "--data", cli.DataFolder, "--name", "Numbered role", "--role", role, "--days", "1");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"fairshare: --role: '{role}' is not one of budget-holder, provider-manager, provider-staff, finance-officer, value-for-money-panel, auditor, supplier, administrator.\n", stderr);
        Assert.Equal(tokens.Out, (await cli.RunAsync("tokens", "list", "--data", cli.DataFolder)).Out);
    }
}
