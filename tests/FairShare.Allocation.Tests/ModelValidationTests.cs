namespace FairShare.Allocation.Tests;

/// <summary>
/// Each check of <see cref="ModelValidation"/> on models built in code, with the exact problem it reports
/// (kind, message, departments, lines).
/// </summary>
public class ModelValidationTests
{
    private static Department Support(string id, decimal cost = 0m, string? name = null) => new(id, name ?? id, DepartmentKind.Support, cost);

    private static Department Operating(string id) => new(id, id, DepartmentKind.Operating, 0m);

    private static IReadOnlyList<ModelProblem> Validate(IReadOnlyList<Department> departments, params (string From, string To, decimal Quantity)[] usage) =>
        ModelValidation.Validate(new AllocationModel("GBP", departments, [.. usage.Select((u, i) => new UsageLine(i + 1, u.From, u.To, u.Quantity))]));

    private static void AssertProblem(ModelProblem problem, ProblemKind kind, string message, string[] departments, int[] lines)
    {
        Assert.Equal((kind, message), (problem.Kind, problem.Message));
        Assert.Equal(departments, problem.Departments);
        Assert.Equal(lines, problem.Lines);
    }

    [Fact]
    public void Validate_NoDepartments_IsTheOnlyProblem()
    {
        var problem = Assert.Single(ModelValidation.Validate(new AllocationModel("GBP", [], [new UsageLine(1, "A", "B", -1)])));
        AssertProblem(problem, ProblemKind.EmptyModel, "The model has no departments.", [], []);
    }

    [Fact]
    public void Validate_GoodModel_HasNoProblems() =>
        Assert.Empty(Validate([Support("IT", 10m), Operating("H")], ("IT", "H", 1m)));

    [Theory]
    [InlineData("-0.01", ProblemKind.Negative, "Department IT: cost -0.01 is negative.")]
    [InlineData("0.015", ProblemKind.FractionOfPenny, "Department IT: cost 0.015 has fractions of a penny.")]
    [InlineData("1000000000000.01", ProblemKind.TooLarge, "Department IT: cost 1000000000000.01 is too large.")]
    public void Validate_BadCost_IsNamed(string cost, ProblemKind kind, string message)
    {
        var problems = Validate([Support("IT", decimal.Parse(cost, System.Globalization.CultureInfo.InvariantCulture)), Operating("H")], ("IT", "H", 1m));
        AssertProblem(Assert.Single(problems), kind, message, ["IT"], []);
    }

    [Fact]
    public void Validate_LargestCostAndQuantity_AreAllowed() =>
        Assert.Empty(Validate([Support("IT", AllocationModelParser.MaximumValue), Operating("H")], ("IT", "H", AllocationModelParser.MaximumValue)));

    [Fact]
    public void Validate_ZeroQuantity_IsAllowedButDoesNotCarryCost()
    {
        var problem = Assert.Single(Validate([Support("IT", 5m), Operating("H")], ("IT", "H", 0m)));
        AssertProblem(
            problem,
            ProblemKind.CostWithoutReceivers,
            "Support department IT has a cost of 5.00 but serves no other department, so its cost cannot be passed on.",
            ["IT"],
            []);
    }

    [Fact]
    public void Validate_IdUsedThreeTimes_NamesEveryPosition()
    {
        var problems = Validate([Support("B"), Support("A"), Support("B"), Operating("H"), Support("B"), Support("A")]);
        Assert.Equal(2, problems.Count);
        AssertProblem(problems[0], ProblemKind.DuplicateId, "Department id \"A\" is used more than once (departments 2 and 6).", ["A"], []);
        AssertProblem(problems[1], ProblemKind.DuplicateId, "Department id \"B\" is used more than once (departments 1, 3 and 5).", ["B"], []);
    }

    [Fact]
    public void Validate_OnlySupportDepartments_HaveNowhereToGo()
    {
        var problem = Assert.Single(Validate([Support("IT")]));
        AssertProblem(problem, ProblemKind.NoOperatingDepartments, "The model has no operating departments, so support costs have nowhere to go.", [], []);
    }

    [Fact]
    public void Validate_OperatingDepartmentAsProvider_IsAllowedOnlyForItselfOrANoughtQuantity()
    {
        Assert.Empty(Validate([Support("IT", 1m), Operating("H"), Operating("W")], ("IT", "H", 1m), ("H", "H", 4m), ("H", "W", 0m)));
        var problem = Assert.Single(Validate([Support("IT", 1m), Operating("H"), Operating("W")], ("IT", "H", 1m), ("H", "W", 0.5m)));
        AssertProblem(
            problem,
            ProblemKind.OperatingProvider,
            "Usage line 2: provider \"H\" is an operating department; only support departments pass costs on.",
            ["H"],
            [2]);
    }

    [Fact]
    public void Validate_UnknownProviderAndReceiverOnOneLine_AreBothNamed()
    {
        var problems = Validate([Support("IT", 1m), Operating("H")], ("IT", "H", 1m), ("X", "Y", 1m));
        Assert.Equal(2, problems.Count);
        AssertProblem(problems[0], ProblemKind.UnknownDepartment, "Usage line 2: provider \"X\" is not a department.", ["X"], [2]);
        AssertProblem(problems[1], ProblemKind.UnknownDepartment, "Usage line 2: receiver \"Y\" is not a department.", ["Y"], [2]);
    }

    [Fact]
    public void Validate_StepDownOrderLeavingOutTwo_NamesBothInIdOrder()
    {
        var model = new AllocationModel(
            "GBP",
            [Support("PAY", 1m), Support("HR", 1m), Support("IT", 1m), Operating("H")],
            [new UsageLine(1, "PAY", "H", 1), new UsageLine(2, "HR", "H", 1), new UsageLine(3, "IT", "H", 1)],
            ["IT"]);
        var problem = Assert.Single(ModelValidation.Validate(model));
        AssertProblem(problem, ProblemKind.BadStepDownOrder, "stepDownOrder must list every support department; it leaves out HR and PAY.", ["HR", "PAY"], []);
    }

    [Fact]
    public void Validate_CompleteStepDownOrder_HasNoProblems()
    {
        var model = new AllocationModel("GBP", [Support("HR", 1m), Support("IT", 1m), Operating("H")], [new UsageLine(1, "HR", "H", 1), new UsageLine(2, "IT", "H", 1)], ["IT", "HR"]);
        Assert.Empty(ModelValidation.Validate(model));
    }

    [Fact]
    public void Validate_DepartmentFeedingAClosedLoop_IsNotReportedButTheLoopIs()
    {
        // C passes its cost into the loop A ⇄ B, which never reaches H: only the loop is the problem
        var problems = Validate(
            [Support("C", 3m), Support("B", 2m, "Buildings"), Support("A", 1m), Operating("H")],
            ("C", "A", 1m), ("A", "B", 1m), ("B", "A", 2m), ("C", "C", 1m));
        var problem = Assert.Single(problems);
        AssertProblem(
            problem,
            ProblemKind.ClosedGroup,
            "Support departments A and B (Buildings) only serve each other (usage lines 2 and 3), so their costs can never reach an operating department: this closed loop has no solution.",
            ["A", "B"],
            [2, 3]);
    }

    [Fact]
    public void Validate_TwoClosedGroups_AreEachReportedInIdOrder()
    {
        // Z ⇄ Y is one loop; X (no cost) receives from V and W but serves no one. W serves only X, so it feeds a
        // closed group and is not reported itself; V also serves H.
        var problems = Validate(
            [Support("Z", 1m), Support("Y", 1m), Support("W", 0m), Support("X", 0m), Support("V", 1m), Operating("H")],
            ("Z", "Y", 1m), ("Y", "Z", 1m), ("W", "X", 1m), ("V", "X", 2m), ("V", "H", 1m));
        Assert.Equal(2, problems.Count);
        AssertProblem(
            problems[0],
            ProblemKind.ClosedGroup,
            "Support department X receives costs from V and W (usage lines 3 and 4) but serves no other department, so they can never reach an operating department.",
            ["X"],
            [3, 4]);
        AssertProblem(
            problems[1],
            ProblemKind.ClosedGroup,
            "Support departments Y and Z only serve each other (usage lines 1 and 2), so their costs can never reach an operating department: this closed loop has no solution.",
            ["Y", "Z"],
            [1, 2]);
    }

    [Fact]
    public void Validate_LoopOfFourWithChords_IsOneClosedGroupWithEveryLine()
    {
        // A → B → C → D → A with chords C → A and D → B: one strongly connected group of four
        var problems = Validate(
            [Support("A", 1m), Support("B", 1m), Support("C", 1m), Support("D", 1m), Operating("H")],
            ("A", "B", 1m), ("B", "C", 1m), ("C", "D", 1m), ("D", "A", 1m), ("C", "A", 1m), ("D", "B", 1m));
        AssertProblem(
            Assert.Single(problems),
            ProblemKind.ClosedGroup,
            "Support departments A, B, C and D only serve each other (usage lines 1, 2, 3, 4, 5 and 6), so their costs can never reach an operating department: this closed loop has no solution.",
            ["A", "B", "C", "D"],
            [1, 2, 3, 4, 5, 6]);
    }

    [Fact]
    public void Validate_ChainOfTwoLoops_ReportsOnlyTheLoopWithNoWayOut()
    {
        // loop A ⇄ B feeds loop C ⇄ D, which feeds nothing; a department that reaches H through the chain is fine
        var problems = Validate(
            [Support("A", 1m), Support("B", 1m), Support("C", 1m), Support("D", 1m), Support("E", 1m), Operating("H")],
            ("A", "B", 1m), ("B", "A", 1m), ("B", "C", 1m), ("C", "D", 1m), ("D", "C", 1m), ("E", "H", 1m));
        AssertProblem(
            Assert.Single(problems),
            ProblemKind.ClosedGroup,
            "Support departments C and D only serve each other (usage lines 4 and 5), so their costs can never reach an operating department: this closed loop has no solution.",
            ["C", "D"],
            [4, 5]);
    }

    [Fact]
    public void Validate_SupportReachingAnOperatingDepartmentThroughOthers_IsFine() =>
        Assert.Empty(Validate(
            [Support("A", 1m), Support("B", 0m), Support("C", 0m), Operating("H")],
            ("A", "B", 1m), ("B", "C", 1m), ("C", "A", 1m), ("C", "H", 1m)));

    [Fact]
    public void Validate_ZeroCostSupportThatOnlyServesOthers_IsStillChecked()
    {
        // B has no cost of its own but serves only C, which serves nothing: C is a closed group of one
        var problems = Validate([Support("B"), Support("C"), Support("A", 1m), Operating("H")], ("B", "C", 1m), ("A", "H", 1m));
        AssertProblem(
            Assert.Single(problems),
            ProblemKind.ClosedGroup,
            "Support department C receives costs from B (usage lines 1) but serves no other department, so they can never reach an operating department.",
            ["C"],
            [1]);
    }
}
