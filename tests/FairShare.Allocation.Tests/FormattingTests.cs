namespace FairShare.Allocation.Tests;

public class FormattingTests
{
    private static AllocationResult Issue(AllocationMethod method, out AllocationModel model)
    {
        model = AllocationModelParser.Parse("""
            {"currency": "GBP",
             "departments": [
               {"id": "LEGAL",   "name": "Legal services", "kind": "support",   "cost": "412000.00"},
               {"id": "IT",      "name": "IT",             "kind": "support",   "cost": 980000},
               {"id": "HOUSING", "name": "Housing",        "kind": "operating", "cost": "2500000"}],
             "usage": [
               {"provider": "LEGAL", "receiver": "HOUSING", "quantity": 1200},
               {"provider": "LEGAL", "receiver": "IT",      "quantity": 80},
               {"provider": "IT",    "receiver": "LEGAL",   "quantity": 35}]}
            """).Model!;
        var outcome = Allocator.Allocate(model, new AllocationOptions(method));
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }

    [Fact]
    public void Json_ReciprocalOnTheIssueModel_HasTheIssuesShapeWithAmountsAsTwoDecimalStrings()
    {
        var result = Issue(AllocationMethod.Reciprocal, out _);
        var json = Formatting.ToJson(result, Origins.ForAll(result));
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("reciprocal", root.GetProperty("method").GetString());
        Assert.Equal("GBP", root.GetProperty("currency").GetString());
        var housing = root.GetProperty("departments")[2];
        Assert.Equal("HOUSING", housing.GetProperty("id").GetString());
        Assert.Equal("2500000.00", housing.GetProperty("directCost").GetString());
        Assert.Equal("1392000.00", housing.GetProperty("received").GetString());
        Assert.Equal("3892000.00", housing.GetProperty("finalCost").GetString());
        Assert.False(housing.TryGetProperty("passedOn", out _));
        var legal = root.GetProperty("departments")[0];
        Assert.Equal("0.00", legal.GetProperty("finalCost").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("iterations").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, root.GetProperty("residual").ValueKind);
        Assert.Equal(3, root.GetProperty("transfers").GetArrayLength());
        Assert.Equal(2, root.GetProperty("origins").GetArrayLength());
    }

    [Fact]
    public void Json_RepeatedDistribution_ReportsIterationsAndResidual()
    {
        var result = Issue(AllocationMethod.RepeatedDistribution, out _);
        using var document = System.Text.Json.JsonDocument.Parse(Formatting.ToJson(result));
        Assert.True(document.RootElement.GetProperty("iterations").GetInt32() > 1);
        var residual = decimal.Parse(document.RootElement.GetProperty("residual").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(residual, 0m, 0.01m);
    }

    [Fact]
    public void Csv_OneAmountARow_WithTransfersAndOrigins()
    {
        var result = Issue(AllocationMethod.Reciprocal, out _);
        var lines = Formatting.ToCsv(result, Origins.ForAll(result)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("record,department,counterpart,amount", lines[0]);
        Assert.Contains("finalCost,LEGAL,,0.00", lines);
        Assert.Contains("received,HOUSING,,1392000.00", lines);
        Assert.Contains(lines, l => l.StartsWith("transfer,IT,LEGAL,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("origin,HOUSING,IT,980000.00", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanation_ITsCostThroughLegal_IsToldInPlainWords()
    {
        var result = Issue(AllocationMethod.Reciprocal, out _);
        var text = Origins.Explain(result, "HOUSING", Origins.ForAll(result)).ToText();
        Assert.Contains("Housing (HOUSING) received £1,392,000.00 of support costs (reciprocal method).", text, StringComparison.Ordinal);
        Assert.Contains("£980,000.00 of your charge is IT's own cost that reached you through Legal services.", text, StringComparison.Ordinal);
        Assert.Contains("£412,000.00 of your charge is Legal services' own cost, charged to you directly by Legal services.", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_SupportOrUnknownDepartment_IsRefused()
    {
        var result = Issue(AllocationMethod.Reciprocal, out _);
        Assert.Throws<ArgumentException>(() => Origins.Explain(result, "IT"));
        Assert.Throws<ArgumentException>(() => Origins.ForReceiver(result, "NOPE"));
    }

    [Theory]
    [InlineData(1234.5, "GBP", "£1,234.50")]
    [InlineData(0, "GBP", "£0.00")]
    [InlineData(99.99, "EUR", "EUR 99.99")]
    public void Money_ForPeople_HasSymbolAndThousands(decimal amount, string currency, string expected) =>
        Assert.Equal(expected, Formatting.Money(amount, currency));
}
