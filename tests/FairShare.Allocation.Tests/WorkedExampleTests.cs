namespace FairShare.Allocation.Tests;

/// <summary>
/// One small model with a cycle, worked by hand for every method, to the penny, with its origins and its story.
/// IT (£90) serves Housing 3, Waste 1 and HR 1; HR (£45) serves IT 1 and Housing 1. Parks receives nothing.
/// The file lists departments out of id order, so every list must come back in the file's order.
/// </summary>
public class WorkedExampleTests
{
    private static readonly AllocationModel Model = new(
        "GBP",
        [
            new Department("W", "Waste", DepartmentKind.Operating, 10m),
            new Department("IT", "IT", DepartmentKind.Support, 90m),
            new Department("H", "Housing", DepartmentKind.Operating, 0m),
            new Department("HR", "Human resources", DepartmentKind.Support, 45m),
            new Department("P", "P", DepartmentKind.Operating, 0m),
        ],
        [
            new UsageLine(1, "IT", "H", 3), new UsageLine(2, "HR", "IT", 1), new UsageLine(3, "IT", "W", 1),
            new UsageLine(4, "HR", "H", 1), new UsageLine(5, "IT", "HR", 1),
        ]);

    private static AllocationResult Allocate(AllocationOptions options)
    {
        var outcome = Allocator.Allocate(Model, options);
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Empty(outcome.Problems);
        Invariants.Hold(Model, outcome.Result!);
        return outcome.Result!;
    }

    private static void AssertTransfers(AllocationResult result, params (string From, string To, decimal Amount)[] expected) =>
        Assert.Equal(expected, result.Transfers.Select(t => (t.From, t.To, t.Amount)));

    [Fact]
    public void Reciprocal_SolvesTheCycleExactly()
    {
        // x_IT = 90 + x_HR / 2 and x_HR = 45 + x_IT / 5 give x_IT = 125 and x_HR = 70
        var result = Allocate(new AllocationOptions(AllocationMethod.Reciprocal));
        Assert.Equal(AllocationMethod.Reciprocal, result.Method);
        Assert.Equal("GBP", result.Currency);
        Assert.Null(result.Iterations);
        Assert.Null(result.Residual);
        Assert.Equal(
            [
                new DepartmentResult("W", "Waste", DepartmentKind.Operating, 10m, 25m, null, 35m),
                new DepartmentResult("IT", "IT", DepartmentKind.Support, 90m, 35m, 125m, 0m),
                new DepartmentResult("H", "Housing", DepartmentKind.Operating, 0m, 110m, null, 110m),
                new DepartmentResult("HR", "Human resources", DepartmentKind.Support, 45m, 25m, 70m, 0m),
                new DepartmentResult("P", "P", DepartmentKind.Operating, 0m, 0m, null, 0m),
            ],
            result.Departments);
        AssertTransfers(result, ("IT", "W", 25m), ("IT", "H", 75m), ("IT", "HR", 25m), ("HR", "IT", 35m), ("HR", "H", 35m));
    }

    [Fact]
    public void Direct_IgnoresTheSupportToSupportLines()
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.Direct));
        AssertTransfers(result, ("IT", "W", 22.50m), ("IT", "H", 67.50m), ("HR", "H", 45m));
        Assert.Equal([32.50m, 0m, 112.50m, 0m, 0m], result.Departments.Select(d => d.FinalCost));
    }

    [Fact]
    public void StepDown_DefaultOrderClosesHRFirstAndGivesTheTiedHalfPennyToTheLargerAmount()
    {
        // HR serves support with half its service, IT with a fifth: HR closes first, passing £22.50 to IT and
        // £22.50 to Housing; IT then passes £112.50 to Housing (£84.375) and Waste (£28.125), HR being closed.
        Assert.Equal(["HR", "IT"], Allocator.DefaultStepDownOrder(Model));
        var result = Allocate(new AllocationOptions(AllocationMethod.StepDown));
        AssertTransfers(result, ("IT", "W", 28.12m), ("IT", "H", 84.38m), ("HR", "IT", 22.50m), ("HR", "H", 22.50m));
        Assert.Equal([84.375m, 28.125m], result.Transfers.Where(t => t.From == "IT").Select(t => t.ExactAmount).OrderDescending());
        Assert.Equal([38.12m, 0m, 106.88m, 0m, 0m], result.Departments.Select(d => d.FinalCost));
    }

    [Fact]
    public void StepDown_GivenOrder_ClosesITFirst()
    {
        // IT first: £90 over Housing 3, Waste 1, HR 1 (£54, £18, £18); HR then passes £63 to Housing only
        var model = new AllocationModel(Model.Currency, Model.Departments, Model.Usage, ["IT", "HR"]);
        var outcome = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.StepDown));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        Assert.Equal(
            [("IT", "W", 18m), ("IT", "H", 54m), ("IT", "HR", 18m), ("HR", "H", 63m)],
            outcome.Result!.Transfers.Select(t => (t.From, t.To, t.Amount)));
    }

    [Fact]
    public void RepeatedDistribution_StopsWhenTheResidualIsWithinTolerance()
    {
        // each round leaves a tenth of the last in HR: £22.50, £2.25, 22.5p, 2.25p, 0.225p (within 1p after 5)
        var result = Allocate(new AllocationOptions(AllocationMethod.RepeatedDistribution));
        Assert.Equal(5, result.Iterations);
        Assert.Equal(0.00225m, result.Residual);
        AssertTransfers(result, ("IT", "W", 25m), ("IT", "H", 75m), ("IT", "HR", 25m), ("HR", "IT", 35m), ("HR", "H", 35m));
    }

    [Fact]
    public void RepeatedDistribution_ResidualExactlyAtTheTolerance_Stops()
    {
        // after one round £22.50 is left in HR, which is then closed off to Housing, its only operating receiver
        var result = Allocate(new AllocationOptions(AllocationMethod.RepeatedDistribution) { Tolerance = 22.50m });
        Assert.Equal(1, result.Iterations);
        Assert.Equal(22.50m, result.Residual);
        AssertTransfers(result, ("IT", "W", 22.50m), ("IT", "H", 67.50m), ("IT", "HR", 22.50m), ("HR", "IT", 22.50m), ("HR", "H", 45m));
    }

    [Fact]
    public void RepeatedDistribution_MaximumIterations_StopsEarlyAndClosesOffWhatIsLeft()
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.RepeatedDistribution) { Tolerance = 0m, MaxIterations = 2 });
        Assert.Equal(2, result.Iterations);
        Assert.Equal(2.25m, result.Residual);
        AssertTransfers(result, ("IT", "W", 24.75m), ("IT", "H", 74.25m), ("IT", "HR", 24.75m), ("HR", "IT", 33.75m), ("HR", "H", 36m));
    }

    [Theory]
    [InlineData(-0.01, 1, "Tolerance cannot be negative. (Parameter 'options')")]
    [InlineData(0, 0, "At least one iteration is needed. (Parameter 'options')")]
    public void Allocate_BadOptions_AreRefused(double tolerance, int iterations, string message)
    {
        var options = new AllocationOptions(AllocationMethod.RepeatedDistribution) { Tolerance = (decimal)tolerance, MaxIterations = iterations };
        var error = Assert.Throws<ArgumentException>(() => Allocator.Allocate(Model, options));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Allocate_UnknownMethod_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => Allocator.Allocate(Model, new AllocationOptions((AllocationMethod)9)));
        Assert.Equal("options", error.ParamName);
    }

    [Fact]
    public void Origins_OfEveryReceiver_FollowEachOriginsCostRoundTheCycle()
    {
        // IT's £90 passes through IT £100 and HR £20 in all: Housing gets £60 + £10, Waste £20. HR's £45 passes
        // through HR £50 and IT £25: Housing £25 + £15, Waste £5.
        var result = Allocate(new AllocationOptions(AllocationMethod.Reciprocal));
        var origins = Origins.ForAll(result);
        Assert.Equal(
            [new OriginAmount("W", "IT", 20m), new OriginAmount("W", "HR", 5m), new OriginAmount("H", "IT", 70m), new OriginAmount("H", "HR", 40m)],
            origins);
        Assert.Equal([new OriginAmount("H", "IT", 70m), new OriginAmount("H", "HR", 40m)], Origins.ForReceiver(result, "H"));
        Assert.Empty(Origins.ForReceiver(result, "P"));
    }

    [Fact]
    public void Explain_Housing_TellsEveryChargeOriginAndHop()
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.Reciprocal));
        var explanation = Origins.Explain(result, "H");
        Assert.Equal("H", explanation.Receiver);
        Assert.Equal(AllocationMethod.Reciprocal, explanation.Method);
        Assert.Equal("GBP", explanation.Currency);
        Assert.Equal(110m, explanation.Received);
        Assert.Equal([new ExplanationCharge("IT", 75m), new ExplanationCharge("HR", 35m)], explanation.Charges);
        Assert.Equal(
            [
                new ExplanationPath("IT", "IT", 60m), new ExplanationPath("IT", "HR", 10m),
                new ExplanationPath("HR", "HR", 25m), new ExplanationPath("HR", "IT", 15m),
            ],
            explanation.Paths);
        Assert.Equal(
            """
            Housing (H) received £110.00 of support costs (reciprocal method).

            Who charged you:
              IT charged you £75.00.
              Human resources charged you £35.00.

            Where your charge started:
              £70.00 of your charge is IT's own cost.
              £40.00 of your charge is Human resources' own cost.

            How it reached you, hop by hop:
              £60.00 of your charge is IT's own cost, charged to you directly by IT.
              £10.00 of your charge is IT's own cost that reached you through Human resources.
              £25.00 of your charge is Human resources' own cost, charged to you directly by Human resources.
              £15.00 of your charge is Human resources' own cost that reached you through IT.

            """.ReplaceLineEndings("\n"),
            explanation.ToText());
        Assert.Equal(explanation.ToText(), Origins.Explain(result, "H", Origins.ForAll(result)).ToText());
    }

    [Fact]
    public void Explain_ReceiverNobodyCharged_SaysSo()
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.StepDown));
        var explanation = Origins.Explain(result, "P");
        Assert.Empty(explanation.Charges);
        Assert.Empty(explanation.Origins);
        Assert.Empty(explanation.Paths);
        Assert.Equal("P received £0.00 of support costs (step-down method).\nNo support department charged you.\n", explanation.ToText());
    }

    [Theory]
    [InlineData("IT", "\"IT\" is a support department; only operating departments keep what they receive. (Parameter 'receiver')")]
    [InlineData("NOPE", "\"NOPE\" is not a department of the model. (Parameter 'receiver')")]
    public void Explain_NotAnOperatingDepartment_IsRefusedWithTheReason(string receiver, string message)
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.Reciprocal));
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Origins.Explain(result, receiver)).Message);
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Origins.ForReceiver(result, receiver)).Message);
    }

    [Fact]
    public void Csv_RepeatedDistributionStoppedEarly_HasEveryAmountThenIterationsAndResidual()
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.RepeatedDistribution) { Tolerance = 0m, MaxIterations = 2 });
        Assert.Equal(
            """
            record,department,counterpart,amount
            directCost,W,,10.00
            received,W,,24.75
            finalCost,W,,34.75
            directCost,IT,,90.00
            received,IT,,33.75
            passedOn,IT,,123.75
            finalCost,IT,,0.00
            directCost,H,,0.00
            received,H,,110.25
            finalCost,H,,110.25
            directCost,HR,,45.00
            received,HR,,24.75
            passedOn,HR,,69.75
            finalCost,HR,,0.00
            directCost,P,,0.00
            received,P,,0.00
            finalCost,P,,0.00
            transfer,IT,W,24.75
            transfer,IT,H,74.25
            transfer,IT,HR,24.75
            transfer,HR,IT,33.75
            transfer,HR,H,36.00
            iterations,,,2
            residual,,,2.25

            """.ReplaceLineEndings("\n"),
            Formatting.ToCsv(result));
    }

    [Fact]
    public void Json_Direct_IsTheWholeDocumentInTheFilesOrder()
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.Direct));
        Assert.Equal(
            """
            {
              "method": "direct",
              "currency": "GBP",
              "departments": [
                {
                  "id": "W",
                  "kind": "operating",
                  "directCost": "10.00",
                  "received": "22.50",
                  "finalCost": "32.50"
                },
                {
                  "id": "IT",
                  "kind": "support",
                  "directCost": "90.00",
                  "received": "0.00",
                  "passedOn": "90.00",
                  "finalCost": "0.00"
                },
                {
                  "id": "H",
                  "kind": "operating",
                  "directCost": "0.00",
                  "received": "112.50",
                  "finalCost": "112.50"
                },
                {
                  "id": "HR",
                  "kind": "support",
                  "directCost": "45.00",
                  "received": "0.00",
                  "passedOn": "45.00",
                  "finalCost": "0.00"
                },
                {
                  "id": "P",
                  "kind": "operating",
                  "directCost": "0.00",
                  "received": "0.00",
                  "finalCost": "0.00"
                }
              ],
              "transfers": [
                {
                  "from": "IT",
                  "to": "W",
                  "amount": "22.50"
                },
                {
                  "from": "IT",
                  "to": "H",
                  "amount": "67.50"
                },
                {
                  "from": "HR",
                  "to": "H",
                  "amount": "45.00"
                }
              ],
              "origins": [],
              "iterations": null,
              "residual": null
            }

            """.ReplaceLineEndings("\n"),
            Formatting.ToJson(result));
    }

    [Fact]
    public void Json_RepeatedDistributionWithOrigins_GivesIterationsResidualAndEveryOrigin()
    {
        var result = Allocate(new AllocationOptions(AllocationMethod.RepeatedDistribution));
        using var document = System.Text.Json.JsonDocument.Parse(Formatting.ToJson(result, Origins.ForAll(result)));
        var root = document.RootElement;
        Assert.Equal("repeated-distribution", root.GetProperty("method").GetString());
        Assert.Equal(5, root.GetProperty("iterations").GetInt32());
        Assert.Equal("0.00225", root.GetProperty("residual").GetString());
        Assert.Equal(
            ["W IT 20.00", "W HR 5.00", "H IT 70.00", "H HR 40.00"],
            root.GetProperty("origins").EnumerateArray().Select(o =>
                $"{o.GetProperty("receiver").GetString()} {o.GetProperty("origin").GetString()} {o.GetProperty("amount").GetString()}"));
    }

    [Theory]
    [InlineData("Parks, north", "\"Parks, north\"")]
    [InlineData("Say \"hi\"", "\"Say \"\"hi\"\"\"")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("+44", "'+44")]
    [InlineData("-1", "'-1")]
    [InlineData("@home", "'@home")]
    [InlineData("\tTab", "'\tTab")]
    [InlineData("\rCR", "\"'\rCR\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData("a=b", "a=b")]
    public void Csv_IdThatASpreadsheetWouldMisread_IsQuotedOrDefused(string id, string field)
    {
        var model = new AllocationModel(
            "GBP",
            [new Department("IT", "IT", DepartmentKind.Support, 1m), new Department(id, "Receiver", DepartmentKind.Operating, 0m)],
            [new UsageLine(1, "IT", id, 1)]);
        var result = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Result!;
        var csv = Formatting.ToCsv(result);
        Assert.Contains($"\ntransfer,IT,{field},1.00\n", csv, StringComparison.Ordinal);
        Assert.Contains($"\ndirectCost,{field},,0.00\n", csv, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1234.5, "GBP", "-£1,234.50")]
    [InlineData(-0.01, "EUR", "-EUR 0.01")]
    [InlineData(1000000, "EUR", "EUR 1,000,000.00")]
    public void Money_Negative_HasItsSignBeforeTheSymbol(decimal amount, string currency, string expected) =>
        Assert.Equal(expected, Formatting.Money(amount, currency));

    [Theory]
    [InlineData("direct", AllocationMethod.Direct)]
    [InlineData("step-down", AllocationMethod.StepDown)]
    [InlineData("reciprocal", AllocationMethod.Reciprocal)]
    [InlineData("repeated-distribution", AllocationMethod.RepeatedDistribution)]
    public void Method_NameOnTheCommandLine_ReadsBackAsTheMethod(string name, AllocationMethod method)
    {
        Assert.True(Formatting.TryParseMethod(name, out var parsed));
        Assert.Equal(method, parsed);
        Assert.Equal(name, Formatting.MethodName(method));
    }

    [Theory]
    [InlineData("Direct")]
    [InlineData("stepdown")]
    [InlineData("")]
    [InlineData(null)]
    public void Method_UnknownName_IsNotAMethod(string? name)
    {
        Assert.False(Formatting.TryParseMethod(name, out var parsed));
        Assert.Equal(default, parsed);
    }

    [Fact]
    public void Residual_KeepsUpToTwelveDecimals() =>
        Assert.Equal(
            ["0.00", "2.25", "0.000000000001", "0.000000000001", "1.123456789012"],
            new[] { 0m, 2.25m, 0.0000000000006m, 0.00000000000149m, 1.1234567890123m }.Select(Formatting.Residual));
}
