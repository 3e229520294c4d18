using System.CommandLine;
using System.Globalization;
using FairShare.Allocation;
using FairShare.Domain.Text;
using Spectre.Console;

namespace FairShare.Cli.Commands;

/// <summary>
/// <c>fairshare allocate MODEL.json --method …</c>: reads an allocation model, allocates the support
/// departments' costs by the chosen method and prints the result as a table, JSON or CSV. A bad model
/// prints every problem to stderr, nothing to stdout, and exits with 1; a bad command line exits with 2.
/// </summary>
public static class AllocateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var model = new Argument<FileInfo>("model") { Description = "The allocation model (JSON): departments, usage lines, optional stepDownOrder." };
        var method = new Option<string>("--method")
        {
            Description = "direct, step-down, reciprocal or repeated-distribution.",
            Required = true,
        };
        var tolerance = new Option<decimal?>("--tolerance") { Description = "repeated-distribution: stop when at most this much cost is left in support departments (default 0.01)." };
        var maxIterations = new Option<int?>("--max-iterations") { Description = "repeated-distribution: stop after this many rounds (default 1000)." };
        var origins = new Option<bool>("--origins") { Description = "Also show where each operating department's charge started." };
        var explain = new Option<string?>("--explain") { Description = "Tell one operating department's story, hop by hop, in plain words." };
        var json = new Option<bool>("--json") { Description = "Write JSON instead of a table." };
        var csv = new Option<bool>("--csv") { Description = "Write CSV (one amount a row) instead of a table." };

        var command = new Command("allocate", "Allocate support departments' costs to operating departments: direct, step-down, reciprocal (exact) or repeated distribution.");
        command.Arguments.Add(model);
        foreach (var option in new Option[] { method, tolerance, maxIterations, origins, explain, json, csv })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var request = new Request(
                parse.GetValue(model)!,
                parse.GetValue(method)!,
                parse.GetValue(tolerance),
                parse.GetValue(maxIterations),
                parse.GetValue(origins),
                parse.GetValue(explain),
                parse.GetValue(json),
                parse.GetValue(csv));
            return Run(request, stdout, stderr);
        });
        return command;
    }

    private sealed record Request(
        FileInfo Model, string Method, decimal? Tolerance, int? MaxIterations, bool Origins, string? Explain, bool Json, bool Csv);

    private static int Run(Request request, TextWriter stdout, TextWriter stderr)
    {
        var usage = CommandLineProblem(request);
        if (usage is not null || !Formatting.TryParseMethod(request.Method, out var method))
        {
            stderr.WriteLine($"fairshare allocate: {usage}");
            return 2;
        }

        string text;
        try
        {
            text = File.ReadAllText(request.Model.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"fairshare allocate: cannot read {request.Model.FullName}: {e.Message}");
            return 1;
        }

        var read = AllocationModelParser.Parse(text);
        if (!read.Succeeded)
        {
            return Problems(stderr, request.Model, read.Problems);
        }

        var options = new AllocationOptions(method);
        if (request.Tolerance is { } tolerance)
        {
            options = options with { Tolerance = tolerance };
        }

        if (request.MaxIterations is { } max)
        {
            options = options with { MaxIterations = max };
        }

        var outcome = Allocator.Allocate(read.Model!, options);
        if (!outcome.Succeeded)
        {
            return Problems(stderr, request.Model, outcome.Problems);
        }

        var result = outcome.Result!;
        if (request.Explain is { } receiver)
        {
            var department = result.Departments.FirstOrDefault(d => d.Id == receiver);
            if (department is null || department.Kind != DepartmentKind.Operating)
            {
                stderr.WriteLine(department is null
                    ? $"fairshare allocate: --explain {receiver}: there is no department {receiver} in the model."
                    : $"fairshare allocate: --explain {receiver}: {receiver} is a support department; it passes all its cost on. Explain an operating department.");
                return 1;
            }

            stdout.Write(Origins.Explain(result, receiver, Origins.ForAll(result)).ToText());
            return 0;
        }

        var origins = request.Origins ? Origins.ForAll(result) : null;
        if (request.Json)
        {
            stdout.Write(Formatting.ToJson(result, origins));
        }
        else if (request.Csv)
        {
            stdout.Write(Formatting.ToCsv(result, origins));
        }
        else
        {
            WriteTables(stdout, result, origins);
        }

        return 0;
    }

    private static string? CommandLineProblem(Request request)
    {
        if (!Formatting.TryParseMethod(request.Method, out var method))
        {
            return $"--method {request.Method}: choose direct, step-down, reciprocal or repeated-distribution.";
        }

        if (request.Json && request.Csv)
        {
            return "choose one of --json and --csv.";
        }

        if (request.Explain is not null && (request.Json || request.Csv || request.Origins))
        {
            return "--explain tells one department's story in words; use it without --json, --csv or --origins.";
        }

        if ((request.Tolerance is not null || request.MaxIterations is not null) && method != AllocationMethod.RepeatedDistribution)
        {
            return "--tolerance and --max-iterations apply only to --method repeated-distribution.";
        }

        if (request.Tolerance is < 0)
        {
            return "--tolerance cannot be negative.";
        }

        if (request.MaxIterations is < 1)
        {
            return "--max-iterations must be at least 1.";
        }

        return null;
    }

    private static int Problems(TextWriter stderr, FileInfo model, IReadOnlyList<ModelProblem> problems)
    {
        var count = English.Count(problems.Count, "problem");
        stderr.WriteLine($"fairshare allocate: {model.FullName} cannot be allocated ({count}):");
        foreach (var problem in problems)
        {
            stderr.WriteLine($"  - {problem.Message}");
        }

        return 1;
    }

    private static void WriteTables(TextWriter stdout, AllocationResult result, IReadOnlyList<OriginAmount>? origins)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 120;
        var currency = result.Currency;
        var departments = new Table { Border = TableBorder.Simple, Title = new TableTitle($"Allocation by the {Formatting.MethodName(result.Method)} method ({currency})") };
        departments.AddColumns("Department", "Name", "Kind");
        foreach (var heading in new[] { "Direct cost", "Received", "Passed on", "Final cost" })
        {
            departments.AddColumn(new TableColumn(heading).RightAligned());
        }

        foreach (var d in result.Departments)
        {
            departments.AddRow(
                Markup.Escape(d.Id),
                Markup.Escape(d.Name),
                d.Kind == DepartmentKind.Support ? "support" : "operating",
                Money(d.DirectCost),
                Money(d.Received),
                d.PassedOn is { } passedOn ? Money(passedOn) : string.Empty,
                Money(d.FinalCost));
        }

        console.Write(departments);
        var transfers = new Table { Border = TableBorder.Simple, Title = new TableTitle("Transfers") };
        transfers.AddColumns("From", "To");
        transfers.AddColumn(new TableColumn("Amount").RightAligned());
        foreach (var t in result.Transfers)
        {
            transfers.AddRow(Markup.Escape(t.From), Markup.Escape(t.To), Money(t.Amount));
        }

        console.Write(transfers);
        if (origins is not null)
        {
            var table = new Table { Border = TableBorder.Simple, Title = new TableTitle("Origins: whose own cost each charge started as") };
            table.AddColumns("Receiver", "Origin");
            table.AddColumn(new TableColumn("Amount").RightAligned());
            foreach (var o in origins)
            {
                table.AddRow(Markup.Escape(o.Receiver), Markup.Escape(o.Origin), Money(o.Amount));
            }

            console.Write(table);
        }

        var total = result.Departments.Where(d => d.Kind == DepartmentKind.Support).Sum(d => d.DirectCost);
        stdout.WriteLine($"Support costs allocated: {Money(total)} {currency}, every penny to an operating department.");
        if (result.Iterations is { } iterations)
        {
            stdout.WriteLine($"Repeated distribution: {English.Count(iterations, "round")}, {Formatting.Residual(result.Residual!.Value)} {currency} left in support departments when it stopped (closed off to operating departments).");
        }
    }

    private static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
