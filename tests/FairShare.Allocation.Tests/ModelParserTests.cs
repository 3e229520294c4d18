using System.Text;

namespace FairShare.Allocation.Tests;

/// <summary>
/// What <see cref="AllocationModelParser"/> makes of each part of a model, and the exact problem it reports for
/// each way a part can be wrong (BadModelTests has the whole-model cases).
/// </summary>
public class ModelParserTests
{
    private const string Departments = """
        "departments": [
           {"id": "IT", "name": "Digital", "kind": "support", "cost": 10},
           {"id": "HOUSING", "kind": "operating", "cost": 0}]
        """;

    [Fact]
    public void Parse_Stream_ReadsTheSameModelAsText()
    {
        var json = "{" + Departments + """, "usage": [{"provider": "IT", "receiver": "HOUSING", "quantity": 1}]}""";
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
        var read = AllocationModelParser.Parse(stream);
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Empty(read.Problems);
        var model = read.Model!;
        Assert.Equal("GBP", model.Currency);
        Assert.Equal(new Department("IT", "Digital", DepartmentKind.Support, 10m), model.Departments[0]);
        Assert.Equal(new Department("HOUSING", "HOUSING", DepartmentKind.Operating, 0m), model.Departments[1]);
        Assert.Equal(new UsageLine(1, "IT", "HOUSING", 1m), Assert.Single(model.Usage));
        Assert.Null(model.StepDownOrder);
    }

    [Fact]
    public void Parse_CurrencyAndQuantitiesAsStrings_AreRead()
    {
        var read = AllocationModelParser.Parse("""
            {"currency": "EUR",
             "departments": [{"id": "IT", "kind": "support", "cost": " 1.5E1 "}, {"id": "H", "kind": "operating", "cost": "0"}],
             "usage": [{"provider": "IT", "receiver": "H", "quantity": "0.125"}],
             "stepDownOrder": null}
            """);
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal("EUR", read.Model!.Currency);
        Assert.Equal(15m, read.Model.Departments[0].Cost);
        Assert.Equal(0.125m, read.Model.Usage[0].Quantity);
        Assert.Null(read.Model.StepDownOrder);
    }

    [Fact]
    public void Parse_DepartmentsNotAnArray_IsSaidAndTheModelHasNoDepartments() =>
        Assert.Equal(
            [(ProblemKind.MissingField, "\"departments\" must be an array."), (ProblemKind.EmptyModel, "The model has no departments.")],
            AllocationModelParser.Parse("""{"departments": {"id": "IT"}}""").Problems.Select(p => (p.Kind, p.Message)));

    [Fact]
    public void Parse_NullDepartmentsAndUsage_AreAModelWithNoDepartments()
    {
        var problem = Assert.Single(AllocationModelParser.Parse("""{"departments": null, "usage": null}""").Problems);
        Assert.Equal((ProblemKind.EmptyModel, "The model has no departments."), (problem.Kind, problem.Message));
    }

    [Fact]
    public void Parse_InvalidJson_SaysWhereOnTheLine()
    {
        var problem = Assert.Single(AllocationModelParser.Parse("{\n  \"departments\": [,]}").Problems);
        Assert.Equal((ProblemKind.InvalidJson, "The model is not valid JSON (line 2, position 19)."), (problem.Kind, problem.Message));
    }

    [Theory]
    [InlineData("""{"currency": 826, DEPARTMENTS}""", ProblemKind.MissingField, "\"currency\" must be a currency code such as \"GBP\".")]
    [InlineData("""{"currency": "  ", DEPARTMENTS}""", ProblemKind.MissingField, "\"currency\" must be a currency code such as \"GBP\".")]
    [InlineData("""{DEPARTMENTS, "usage": 3}""", ProblemKind.MissingField, "\"usage\" must be an array.")]
    [InlineData("""{DEPARTMENTS, "stepDownOrder": "IT"}""", ProblemKind.BadStepDownOrder, "\"stepDownOrder\" must be an array of support department ids.")]
    [InlineData("""{DEPARTMENTS, "stepDownOrder": ["IT", 7]}""", ProblemKind.BadStepDownOrder, "stepDownOrder entry 2 is not a department id.")]
    [InlineData("""{DEPARTMENTS, "stepDownOrder": [" ", "IT"]}""", ProblemKind.BadStepDownOrder, "stepDownOrder entry 1 is not a department id.")]
    [InlineData("""{DEPARTMENTS, "usage": [7]}""", ProblemKind.MissingField, "Usage line 1 is not an object.")]
    [InlineData("""{DEPARTMENTS, "usage": [{"receiver": "HOUSING", "quantity": 1}]}""", ProblemKind.MissingField, "Usage line 1 has no \"provider\".")]
    [InlineData("""{DEPARTMENTS, "usage": [{"provider": "IT", "receiver": " ", "quantity": 1}]}""", ProblemKind.MissingField, "Usage line 1 has no \"receiver\".")]
    [InlineData("""{DEPARTMENTS, "usage": [{"provider": "IT", "receiver": "HOUSING"}]}""", ProblemKind.MissingField, "Usage line 1 has no \"quantity\".")]
    [InlineData("""{DEPARTMENTS, "usage": [{"provider": "IT", "receiver": "HOUSING", "quantity": null}]}""", ProblemKind.MissingField, "Usage line 1 has no \"quantity\".")]
    [InlineData("""{DEPARTMENTS, "usage": [{"provider": "IT", "receiver": "HOUSING", "quantity": true}]}""", ProblemKind.NotANumber, "Usage line 1: quantity true is not a number.")]
    [InlineData("""{DEPARTMENTS, "usage": [{"provider": "IT", "receiver": "HOUSING", "quantity": ""}]}""", ProblemKind.NotANumber, "Usage line 1: quantity \"\" is not a number.")]
    [InlineData("""{DEPARTMENTS, "usage": [{"provider": "IT", "receiver": "HOUSING", "quantity": "1,000"}]}""", ProblemKind.NotANumber, "Usage line 1: quantity \"1,000\" is not a number.")]
    [InlineData("""{DEPARTMENTS, "usage": [{"provider": "IT", "receiver": "HOUSING", "quantity": 1000000000000.5}]}""", ProblemKind.TooLarge, "Usage line 1: quantity 1000000000000.5 from provider IT (Digital) to receiver HOUSING is larger than 1000000000000.")]
    public void Parse_OnePartWrong_IsTheOneProblemReported(string json, ProblemKind kind, string message)
    {
        var problem = Assert.Single(AllocationModelParser.Parse(json.Replace("DEPARTMENTS", Departments, StringComparison.Ordinal)).Problems);
        Assert.Equal((kind, message), (problem.Kind, problem.Message));
    }

    [Theory]
    [InlineData("""["IT"]""", ProblemKind.MissingField, "Department 1 is not an object.")]
    [InlineData("""[{"kind": "support", "cost": 1}]""", ProblemKind.MissingField, "Department 1 has no \"id\".")]
    [InlineData("""[{"id": 5, "kind": "support", "cost": 1}]""", ProblemKind.MissingField, "Department 1 has no \"id\".")]
    [InlineData("""[{"id": "IT", "cost": 1}]""", ProblemKind.BadKind, "Department 1 (IT) has no \"kind\"; it must be \"support\" or \"operating\".")]
    [InlineData("""[{"id": "IT", "kind": "support"}]""", ProblemKind.MissingField, "Department 1 (IT) has no \"cost\".")]
    [InlineData("""[{"id": "IT", "kind": "support", "cost": [1]}]""", ProblemKind.NotANumber, "Department 1 (IT): cost [1] is not a number.")]
    [InlineData("""[{"id": "IT", "kind": "support", "cost": 1000000000000.01}]""", ProblemKind.TooLarge, "Department 1 (IT): cost 1000000000000.01 is larger than 1000000000000.")]
    public void Parse_DepartmentWrong_IsReportedBeforeAnyValidation(string departments, ProblemKind kind, string message)
    {
        var json = """{"departments": [{"id": "HOUSING", "kind": "operating", "cost": 0}, D], "usage": []}""";
        var problems = AllocationModelParser.Parse(json.Replace("D]", departments[1..], StringComparison.Ordinal)).Problems;
        Assert.NotEmpty(problems);
        var problem = problems[0];
        Assert.Equal((kind, message.Replace("Department 1", "Department 2", StringComparison.Ordinal)), (problem.Kind, problem.Message));
    }

    [Fact]
    public void Parse_DepartmentWithAnUnreadableCost_StillCountsForTheChecksOnIds()
    {
        var read = AllocationModelParser.Parse("""
            {"departments": [{"id": "IT", "kind": "support", "cost": "x"}, {"id": "H", "kind": "operating", "cost": 0}],
             "usage": [{"provider": "IT", "receiver": "H", "quantity": 1}]}
            """);
        Assert.False(read.Succeeded);
        Assert.Null(read.Model);
        var problem = Assert.Single(read.Problems);
        Assert.Equal("Department 1 (IT): cost \"x\" is not a number.", problem.Message);
        Assert.Equal(["IT"], problem.Departments);
        Assert.Empty(problem.Lines);
    }

    [Fact]
    public void Parse_DepartmentWithABadKind_IsLeftOutSoItsUsageLinesNameAnUnknownDepartment()
    {
        var messages = AllocationModelParser.Parse("""
            {"departments": [{"id": "IT", "kind": "other", "cost": 1}, {"id": "H", "kind": "operating", "cost": 0}],
             "usage": [{"provider": "IT", "receiver": "H", "quantity": 1}]}
            """).Problems.Select(p => p.Message);
        Assert.Equal(
            ["Department 1 (IT): kind \"other\" must be \"support\" or \"operating\".", "Usage line 1: provider \"IT\" is not a department."],
            messages);
    }

    [Fact]
    public void Parse_OutOfRangeQuantity_NamesTheLineAndBothEndsButABadCostOnlyItsDepartment()
    {
        var read = AllocationModelParser.Parse("""
            {"departments": [{"id": "IT", "kind": "support", "cost": -1}, {"id": "H", "kind": "operating", "cost": 0.001}],
             "usage": [{"provider": "IT", "receiver": "H", "quantity": -2}, {"receiver": "H", "quantity": "no"}]}
            """);
        var problems = read.Problems.Take(4).ToList();
        Assert.Equal(
            [
                "Department 1 (IT): cost -1 is negative.",
                "Department 2 (H): cost 0.001 has fractions of a penny.",
                "Usage line 1: quantity -2 from provider IT to receiver H is negative.",
                "Usage line 2 has no \"provider\".",
            ],
            problems.Select(p => p.Message));
        Assert.Equal(["IT"], problems[0].Departments);
        Assert.Equal(["H"], problems[1].Departments);
        Assert.Equal(["IT", "H"], problems[2].Departments);
        Assert.Equal([1], problems[2].Lines);
        Assert.Empty(problems[3].Departments);
        Assert.Equal([2], problems[3].Lines);
        Assert.Contains("Usage line 2: quantity \"no\" is not a number.", read.Problems.Select(p => p.Message));
    }

    [Fact]
    public void Parse_QuantityWithFractions_IsAllowedUnlikeACost()
    {
        var read = AllocationModelParser.Parse("""
            {"departments": [{"id": "IT", "kind": "support", "cost": 1}, {"id": "H", "kind": "operating", "cost": 0}],
             "usage": [{"provider": "IT", "receiver": "H", "quantity": 0.001}]}
            """);
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(0.001m, read.Model!.Usage[0].Quantity);
    }

    [Fact]
    public void Parse_LargestValues_AreAccepted()
    {
        var read = AllocationModelParser.Parse("""
            {"departments": [{"id": "IT", "kind": "support", "cost": 1000000000000}, {"id": "H", "kind": "operating", "cost": 0}],
             "usage": [{"provider": "IT", "receiver": "H", "quantity": 1000000000000}]}
            """);
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        Assert.Equal(AllocationModelParser.MaximumValue, read.Model!.Departments[0].Cost);
    }
}
