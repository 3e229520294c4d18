namespace FairShare.Cli.Tests;

/// <summary><c>fairshare init</c> on an empty database, then the supplier register at the command line.</summary>
public class InitAndSuppliersCliTests
{
    private static async Task<(int Code, string Out, string Error)> RunAsync(string? stdin, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        using var input = new StringReader(stdin ?? "");
        var code = await CliApp.RunAsync(args, stdout, stderr, CliFixture.Clock(), input);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Init_OnAnEmptyDatabase_CreatesTheCouncil_ThenItsProcurementRegistersAndPricesASupplier()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fairshare-cli-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var (empty, _, emptyError) = await RunAsync(null, "suppliers", "list", "--data", folder);
            Assert.Equal(1, empty);
            Assert.Contains("run `fairshare init` to create your council", emptyError, StringComparison.Ordinal);

            var (noPassword, _, noPasswordError) = await RunAsync("", "init", "--data", folder, "--name", "Eastmoor District Council", "--code", "EMD",
                "--admin-email", "eve@eastmoor.example", "--admin-name", "Eve Admin", "--password-stdin");
            Assert.Equal(2, noPassword);
            Assert.Equal("fairshare: password: --password-stdin was given but standard input held no password.\n", noPasswordError);

            var (code, stdout, stderr) = await RunAsync("correct horse battery\n", "init", "--data", folder, "--name", "Eastmoor District Council", "--code", "emd",
                "--year-start-month", "4", "--admin-email", "eve@eastmoor.example", "--admin-name", "Eve Admin", "--password-stdin");
            Assert.Equal("", stderr);
            Assert.Equal(0, code);
            Assert.Equal("Created Eastmoor District Council (EMD), financial year from April, with Eve Admin as its administrator. " +
                "Eve Admin signs in at /sign-in with eve@eastmoor.example and the password given.\n", stdout);

            var (again, _, againError) = await RunAsync(null, "init", "--data", folder, "--name", "Eastmoor again", "--code", "EMD",
                "--admin-email", "other@eastmoor.example", "--admin-name", "Other");
            Assert.Equal(5, again);
            Assert.Equal("fairshare: An authority with the code EMD already exists; nothing was changed.\n", againError);

            var (added, addedOut, _) = await RunAsync(null, "suppliers", "add", "--data", folder, "--code", "SUP-ACME", "--name", "Acme Legal LLP",
                "--contract", "EMD/LEGAL/2026", "--contract-start", "2026-04-01", "--contract-end", "2028-03-31");
            Assert.Equal(0, added);
            Assert.Equal("Registered SUP-ACME Acme Legal LLP: EMD/LEGAL/2026, 2026-04-01 to 2028-03-31.\n", addedOut);
            var (rated, ratedOut, ratedError) = await RunAsync(null, "suppliers", "rate", "SUP-ACME", "--data", folder, "--offering", "ACME-LIT", "--year", "2026",
                "--rate", "150", "--name", "Litigation (Acme)", "--category", "Legal", "--unit", "hour");
            Assert.Equal("", ratedError);
            Assert.Equal(0, rated);
            Assert.Equal("Acme Legal LLP's contract rate for Litigation (Acme), 2026/27: £150.00 per hour.\n", ratedOut);
            var (changed, changedOut, _) = await RunAsync(null, "suppliers", "change", "SUP-ACME", "--data", folder, "--name", "Acme Legal LLP",
                "--contract", "EMD/LEGAL/2026-EXT", "--contract-start", "2026-04-01", "--contract-end", "2029-03-31");
            Assert.Equal(0, changed);
            Assert.Equal("Changed SUP-ACME Acme Legal LLP: EMD/LEGAL/2026-EXT, 2026-04-01 to 2029-03-31.\n", changedOut);

            var (listed, listOut, _) = await RunAsync(null, "suppliers", "list", "--data", folder);
            Assert.Equal(0, listed);
            Assert.Contains("EMD/LEGAL/2026-EXT", listOut, StringComparison.Ordinal);
            Assert.EndsWith("Supplier accounts are off: supplier accounts cannot sign in or see anything.\n", listOut, StringComparison.Ordinal);
            var (on, onOut, _) = await RunAsync(null, "suppliers", "self-service", "on", "--data", folder);
            Assert.Equal(0, on);
            Assert.Equal("Eastmoor District Council's suppliers may now sign in and see their own offerings.\n", onOut);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
