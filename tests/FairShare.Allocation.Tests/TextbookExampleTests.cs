using System.Globalization;
using System.Text.Json;

namespace FairShare.Allocation.Tests;

/// <summary>Published worked examples (see TestData/textbook-examples.json for each source).</summary>
public class TextbookExampleTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var example in Examples().EnumerateArray())
        {
            var count = example.GetProperty("expectations").GetArrayLength();
            for (var i = 0; i < count; i++)
            {
                data.Add(example.GetProperty("name").GetString()!, i);
            }
        }

        return data;
    }

    [Fact]
    public void TextbookExamples_AtLeastSixSources_EachCitedWithItsProvenance()
    {
        var examples = Examples().EnumerateArray().ToList();
        Assert.True(examples.Count >= 6);
        Assert.All(examples, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("source").GetString()));
            Assert.False(string.IsNullOrWhiteSpace(e.GetProperty("provenance").GetString()));
        });
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TextbookExample_EveryPublishedMethod_ReproducesThePublishedFigures(string name, int expectation)
    {
        var example = Examples().EnumerateArray().Single(e => e.GetProperty("name").GetString() == name);
        var read = AllocationModelParser.Parse(example.GetProperty("model").GetRawText());
        Assert.True(read.Succeeded, string.Join("; ", read.Problems));
        var expected = example.GetProperty("expectations")[expectation];
        Assert.True(Formatting.TryParseMethod(expected.GetProperty("method").GetString(), out var method));
        var outcome = Allocator.Allocate(read.Model!, new AllocationOptions(method) { Tolerance = 0.001m });
        Assert.True(outcome.Succeeded, string.Join("; ", outcome.Problems));
        var result = outcome.Result!;
        Invariants.Hold(read.Model!, result);
        var tolerance = decimal.Parse(expected.GetProperty("tolerance").GetString()!, CultureInfo.InvariantCulture);
        var checkedFigures = 0;
        foreach (var (field, select) in new (string, Func<DepartmentResult, decimal?>)[]
                 {
                     ("passedOn", d => d.PassedOn),
                     ("received", d => d.Received),
                     ("finalCost", d => d.FinalCost),
                 })
        {
            if (!expected.TryGetProperty(field, out var figures))
            {
                continue;
            }

            foreach (var figure in figures.EnumerateObject())
            {
                var published = decimal.Parse(figure.Value.GetString()!, CultureInfo.InvariantCulture);
                var ours = select(result.Departments.Single(d => d.Id == figure.Name))!.Value;
                Assert.True(Math.Abs(ours - published) <= tolerance, $"{name}, {method}: {field} of {figure.Name} is {ours}, published {published} (±{tolerance})");
                checkedFigures++;
            }
        }

        Assert.True(checkedFigures > 0);
    }

    private static JsonElement Examples()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "textbook-examples.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.GetProperty("examples").Clone();
    }
}
