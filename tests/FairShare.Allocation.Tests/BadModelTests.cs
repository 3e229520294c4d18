namespace FairShare.Allocation.Tests;

public class BadModelTests
{
    private const string Good = """
        {"currency": "GBP",
         "departments": [
           {"id": "LEGAL",   "name": "Legal services", "kind": "support",   "cost": "412000.00"},
           {"id": "IT",      "name": "IT",             "kind": "support",   "cost": 980000},
           {"id": "HOUSING", "name": "Housing",        "kind": "operating", "cost": "2500000"}
         ],
         "usage": [
           {"provider": "LEGAL", "receiver": "HOUSING", "quantity": 1200},
           {"provider": "LEGAL", "receiver": "IT",      "quantity": 80},
           {"provider": "IT",    "receiver": "LEGAL",   "quantity": 35},
           {"provider": "IT",    "receiver": "HOUSING", "quantity": 65}
         ],
         "stepDownOrder": ["IT", "LEGAL"]}
        """;

    [Fact]
    public void Parser_TheIssuesExampleModel_ReadsNumbersAndDecimalStrings()
    {
        var read = AllocationModelParser.Parse(Good);
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(412000.00m, read.Model!.Departments[0].Cost);
        Assert.Equal(980000m, read.Model.Departments[1].Cost);
        Assert.Equal(["IT", "LEGAL"], read.Model.StepDownOrder);
        Assert.Equal(4, read.Model.Usage[3].Line);
    }

    [Theory]
    [InlineData("""{"departments": [], "usage": []}""", ProblemKind.EmptyModel, "The model has no departments.")]
    [InlineData("""{}""", ProblemKind.EmptyModel, "The model has no departments.")]
    [InlineData("""[1, 2]""", ProblemKind.EmptyModel, "must be a JSON object")]
    [InlineData("""{"departments": [ """, ProblemKind.InvalidJson, "The model is not valid JSON (line 1")]
    public void Parser_EmptyOrUnreadableModel_SaysSo(string json, ProblemKind kind, string message)
    {
        var problem = Assert.Single(AllocationModelParser.Parse(json).Problems);
        Assert.Equal(kind, problem.Kind);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parser_ManyProblems_ReportsEveryOneNamingDepartmentsAndLines()
    {
        var read = AllocationModelParser.Parse("""
            {"departments": [
               {"id": "HR", "kind": "support", "cost": "abc"},
               {"id": "IT", "kind": "support", "cost": -5},
               {"id": "IT", "kind": "support", "cost": 10},
               {"id": "FIN", "kind": "supprt", "cost": 1},
               {"id": "PAY", "kind": "support", "cost": "1.234"},
               {"id": "HOUSING", "kind": "operating", "cost": 0}
             ],
             "usage": [
               {"provider": "IT", "receiver": "HOUSING", "quantity": 1},
               {"provider": "NOPE", "receiver": "HOUSING", "quantity": 1},
               {"provider": "IT", "receiver": "GONE", "quantity": 1},
               {"provider": "IT", "receiver": "HOUSING", "quantity": -2},
               {"provider": "IT", "receiver": "HOUSING", "quantity": "lots"},
               {"provider": "HOUSING", "receiver": "IT", "quantity": 3}
             ],
             "stepDownOrder": ["IT", "HOUSING", "MARS"]}
            """);
        Assert.False(read.Succeeded);
        var messages = read.Problems.Select(p => p.Message).ToList();
        Assert.Contains("Department 1 (HR): cost \"abc\" is not a number.", messages);
        Assert.Contains("Department 2 (IT): cost -5 is negative.", messages);
        Assert.Contains("Department 4 (FIN): kind \"supprt\" must be \"support\" or \"operating\".", messages);
        Assert.Contains("Department 5 (PAY): cost 1.234 has fractions of a penny.", messages);
        Assert.Contains("Usage line 2: provider \"NOPE\" is not a department.", messages);
        Assert.Contains("Usage line 3: receiver \"GONE\" is not a department.", messages);
        Assert.Contains("Usage line 4: quantity -2 from provider IT to receiver HOUSING is negative.", messages);
        Assert.Contains("Usage line 5: quantity \"lots\" is not a number.", messages);
        Assert.Contains("Usage line 6: provider \"HOUSING\" is an operating department; only support departments pass costs on.", messages);
        Assert.Contains("stepDownOrder names \"HOUSING\", which is an operating department; list support departments only.", messages);
        Assert.Contains("stepDownOrder names \"MARS\", which is not a department.", messages);
        Assert.Contains(read.Problems, p => p.Kind == ProblemKind.DuplicateId && p.Departments.SequenceEqual(["IT"]) && p.Message.Contains("departments 2 and 3", StringComparison.Ordinal));
        Assert.All(read.Problems.Where(p => p.Message.StartsWith("Usage line", StringComparison.Ordinal)), p => Assert.Single(p.Lines));
    }

    [Fact]
    public void Validation_SupportDepartmentWithCostButNoReceivers_IsNamed()
    {
        var problems = Problems("""
            {"departments": [
               {"id": "AUDIT", "name": "Internal audit", "kind": "support", "cost": 1000},
               {"id": "HOUSING", "kind": "operating", "cost": 0}],
             "usage": [{"provider": "AUDIT", "receiver": "AUDIT", "quantity": 5}]}
            """);
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.CostWithoutReceivers, problem.Kind);
        Assert.Equal("Support department AUDIT (Internal audit) has a cost of 1,000.00 but serves no other department, so its cost cannot be passed on.", problem.Message);
    }

    [Fact]
    public void Validation_ThreeSupportDepartmentsServingOnlyEachOther_AreNamedAsAClosedLoopWithTheirLines()
    {
        var problems = Problems("""
            {"departments": [
               {"id": "HR", "kind": "support", "cost": 10},
               {"id": "IT", "kind": "support", "cost": 20},
               {"id": "FIN", "kind": "support", "cost": 30},
               {"id": "LEGAL", "kind": "support", "cost": 5},
               {"id": "HOUSING", "kind": "operating", "cost": 0}],
             "usage": [
               {"provider": "HR", "receiver": "IT", "quantity": 1},
               {"provider": "IT", "receiver": "FIN", "quantity": 1},
               {"provider": "FIN", "receiver": "HR", "quantity": 1},
               {"provider": "LEGAL", "receiver": "HR", "quantity": 1},
               {"provider": "LEGAL", "receiver": "HOUSING", "quantity": 1}]}
            """);
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.ClosedGroup, problem.Kind);
        Assert.Equal(["FIN", "HR", "IT"], problem.Departments);
        Assert.Equal([1, 2, 3], problem.Lines);
        Assert.Equal(
            "Support departments FIN, HR and IT only serve each other (usage lines 1, 2 and 3), so their costs can never reach an operating department: this closed loop has no solution.",
            problem.Message);
    }

    [Fact]
    public void Validation_ZeroCostSupportThatReceivesButServesNoOne_IsAClosedGroupOfOne()
    {
        var problems = Problems("""
            {"departments": [
               {"id": "HR", "kind": "support", "cost": 10},
               {"id": "SINK", "kind": "support", "cost": 0},
               {"id": "HOUSING", "kind": "operating", "cost": 0}],
             "usage": [
               {"provider": "HR", "receiver": "SINK", "quantity": 1},
               {"provider": "HR", "receiver": "HOUSING", "quantity": 1}]}
            """);
        var problem = Assert.Single(problems);
        Assert.Equal(ProblemKind.ClosedGroup, problem.Kind);
        Assert.Equal(["SINK"], problem.Departments);
        Assert.Equal([1], problem.Lines);
    }

    [Fact]
    public void Validation_IdleSupportDepartmentWithNoCostAndNoLinks_IsAllowed()
    {
        Assert.Empty(Problems("""
            {"departments": [
               {"id": "IDLE", "kind": "support", "cost": 0},
               {"id": "HOUSING", "kind": "operating", "cost": 5}],
             "usage": []}
            """));
    }

    [Fact]
    public void Validation_NoOperatingDepartments_IsReported()
    {
        var problems = Problems("""{"departments": [{"id": "HR", "kind": "support", "cost": 0}], "usage": []}""");
        Assert.Contains(problems, p => p.Kind == ProblemKind.NoOperatingDepartments);
    }

    [Fact]
    public void Validation_StepDownOrderMissingASupportDepartmentOrRepeatingOne_IsReported()
    {
        var problems = Problems(Good.Replace("\"stepDownOrder\": [\"IT\", \"LEGAL\"]", "\"stepDownOrder\": [\"IT\", \"IT\"]", StringComparison.Ordinal));
        Assert.Equal(2, problems.Count);
        Assert.Contains("stepDownOrder names \"IT\" more than once.", problems.Select(p => p.Message));
        Assert.Contains("stepDownOrder must list every support department; it leaves out LEGAL.", problems.Select(p => p.Message));
    }

    [Fact]
    public void Allocator_ModelBuiltInCodeWithBadValues_ReturnsProblemsNotAResult()
    {
        var model = new AllocationModel(
            "GBP",
            [new Department("HR", "HR", DepartmentKind.Support, -1m), new Department("H", "H", DepartmentKind.Operating, 0.001m)],
            [new UsageLine(1, "HR", "H", -3m)]);
        var outcome = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal));
        Assert.False(outcome.Succeeded);
        Assert.Equal(
            [ProblemKind.Negative, ProblemKind.FractionOfPenny, ProblemKind.Negative],
            outcome.Problems.Select(p => p.Kind));
    }

    [Theory]
    [InlineData(-3, ProblemKind.Negative, "Usage line 1: quantity -3 from provider HR (Human resources) to receiver H is negative.")]
    [InlineData(2_000_000_000_000, ProblemKind.TooLarge, "Usage line 1: quantity 2000000000000 from provider HR (Human resources) to receiver H is too large.")]
    public void Validation_UsageLineWithABadQuantity_NamesItsProviderAndReceiver(long quantity, ProblemKind kind, string message)
    {
        var model = new AllocationModel(
            "GBP",
            [new Department("HR", "Human resources", DepartmentKind.Support, 1m), new Department("H", "H", DepartmentKind.Operating, 0m)],
            [new UsageLine(1, "HR", "H", quantity)]);
        var problem = Assert.Single(ModelValidation.Validate(model));
        Assert.Equal((kind, message), (problem.Kind, problem.Message));
        Assert.Equal(["HR", "H"], problem.Departments);
        Assert.Equal([1], problem.Lines);
    }

    [Fact]
    public void Parser_NegativeQuantityBetweenUnknownDepartments_QuotesTheIdsItWasGiven()
    {
        var read = AllocationModelParser.Parse("""
            {"departments": [{"id": "IT", "name": "Digital", "kind": "support", "cost": 1}, {"id": "H", "kind": "operating", "cost": 0}],
             "usage": [{"provider": "IT", "receiver": "NOPE", "quantity": -1}]}
            """);
        Assert.Contains("Usage line 1: quantity -1 from provider IT (Digital) to receiver \"NOPE\" is negative.", read.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Direct_SupportDepartmentServingOnlySupportDepartments_CannotBeAllocatedAndSaysWhy()
    {
        var model = AllocationModelParser.Parse("""
            {"departments": [
               {"id": "HR", "kind": "support", "cost": 10},
               {"id": "IT", "kind": "support", "cost": 20},
               {"id": "HOUSING", "kind": "operating", "cost": 0}],
             "usage": [
               {"provider": "HR", "receiver": "IT", "quantity": 1},
               {"provider": "IT", "receiver": "HOUSING", "quantity": 1}]}
            """).Model!;
        var outcome = Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Direct));
        var problem = Assert.Single(outcome.Problems);
        Assert.Equal(ProblemKind.MethodCannotAllocate, problem.Kind);
        Assert.Equal(["HR"], problem.Departments);
        Assert.True(Allocator.Allocate(model, new AllocationOptions(AllocationMethod.Reciprocal)).Succeeded);
    }

    [Fact]
    public void StepDown_OrderThatClosesEveryReceiverFirst_CannotBeAllocatedAndSaysWhy()
    {
        var model = AllocationModelParser.Parse("""
            {"departments": [
               {"id": "HR", "kind": "support", "cost": 10},
               {"id": "IT", "kind": "support", "cost": 20},
               {"id": "HOUSING", "kind": "operating", "cost": 0}],
             "usage": [
               {"provider": "HR", "receiver": "IT", "quantity": 1},
               {"provider": "IT", "receiver": "HOUSING", "quantity": 1}],
             "stepDownOrder": ["IT", "HR"]}
            """).Model!;
        var problem = Assert.Single(Allocator.Allocate(model, new AllocationOptions(AllocationMethod.StepDown)).Problems);
        Assert.Equal(["HR"], problem.Departments);
    }

    private static IReadOnlyList<ModelProblem> Problems(string json) => AllocationModelParser.Parse(json).Problems;
}
