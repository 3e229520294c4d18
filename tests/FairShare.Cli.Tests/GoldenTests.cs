namespace FairShare.Cli.Tests;

/// <summary>
/// CLI behaviour pinned by golden files. Each folder under Golden/ holding an args.txt is a case: the command
/// line (one argument per line; {data} is the demo database folder, {model} the case's model.json, {case} the
/// case folder), expected.out (stdout), and optionally expected.err (stderr) and expected.code (exit code,
/// default 0). Run with UPDATE_GOLDEN=1 to rewrite the expected files after a deliberate change.
/// </summary>
public class GoldenTests(CliFixture cli) : IClassFixture<CliFixture>
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var args in Directory.EnumerateFiles(Root, "args.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Root, Path.GetDirectoryName(args)!).Replace('\\', '/'));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Command_PrintsWhatItsGoldenFileSays(string name)
    {
        var folder = Path.Combine(Root, name);
        var args = File.ReadAllLines(Path.Combine(folder, "args.txt"))
            .Where(line => line.Length > 0)
            .Select(line => line.Replace("{data}", cli.DataFolder, StringComparison.Ordinal)
                .Replace("{model}", Path.Combine(folder, "model.json"), StringComparison.Ordinal)
                .Replace("{case}", folder, StringComparison.Ordinal))
            .ToArray();

        var (code, stdout, stderr) = await cli.RunAsync(args);
        stderr = stderr.Replace(folder, "{case}", StringComparison.Ordinal);

        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(SourceRoot(), name);
            await File.WriteAllTextAsync(Path.Combine(source, "expected.out"), stdout);
            await File.WriteAllTextAsync(Path.Combine(source, "expected.err"), stderr);
            await File.WriteAllTextAsync(Path.Combine(source, "expected.code"), code + "\n");
            return;
        }
        Assert.Equal(Read(folder, "expected.out") ?? "", Normalise(stdout));
        Assert.Equal(Read(folder, "expected.err") ?? "", Normalise(stderr));
        Assert.Equal(int.Parse(Read(folder, "expected.code")?.Trim() ?? "0", System.Globalization.CultureInfo.InvariantCulture), code);
    }

    private static string? Read(string folder, string file) =>
        File.Exists(Path.Combine(folder, file)) ? Normalise(File.ReadAllText(Path.Combine(folder, file))) : null;

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string SourceRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.Combine(Path.GetDirectoryName(path)!, "Golden");
}
