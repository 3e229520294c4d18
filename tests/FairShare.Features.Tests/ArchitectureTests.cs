using System.Reflection;

namespace FairShare.Features.Tests;

/// <summary>The shape every use case shares, checked by reflection so a new one cannot drift from it.</summary>
public class ArchitectureTests
{
    private static readonly Assembly Features = typeof(FeatureRegistration).Assembly;

    public static TheoryData<string> UseCases() => [.. FeatureRegistration.UseCases.Select(t => t.FullName!)];

    [Fact]
    public void UseCases_AreFound() => Assert.True(FeatureRegistration.UseCases.Count >= 25, $"Only {FeatureRegistration.UseCases.Count} use cases found.");

    [Theory]
    [MemberData(nameof(UseCases))]
    public void UseCase_HasOnePublicHandleAsync_ReturningAnOutcome_AndNoOtherPublicMethod(string name)
    {
        var type = Features.GetType(name, throwOnError: true)!;
        var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName).ToArray();
        var handle = Assert.Single(methods, m => m.Name == "HandleAsync");
        var returned = handle.ReturnType;
        Assert.True(returned.IsGenericType && returned.GetGenericTypeDefinition() == typeof(Task<>)
            && returned.GetGenericArguments()[0] is { IsGenericType: true } outcome && outcome.GetGenericTypeDefinition() == typeof(Outcome<>),
            $"{name}.HandleAsync returns {returned.Name}, not Task<Outcome<T>>.");
        Assert.True(methods.Length == 1, $"{name} has public methods besides HandleAsync: {string.Join(", ", methods.Where(m => m != handle).Select(m => m.Name))}.");
    }

    [Fact]
    public void Features_DefinesNoPublicException()
    {
        var exceptions = Features.GetExportedTypes().Where(t => typeof(Exception).IsAssignableFrom(t)).Select(t => t.FullName);
        Assert.Empty(exceptions);
    }

    [Fact]
    public void Features_HasNoManagerHelperOrUtil()
    {
        var vague = Features.GetTypes().Select(t => t.Name.Split('`')[0])
            .Where(n => n.EndsWith("Manager", StringComparison.Ordinal) || n.EndsWith("Helper", StringComparison.Ordinal)
                || n.EndsWith("Util", StringComparison.Ordinal) || n.EndsWith("Utils", StringComparison.Ordinal));
        Assert.Empty(vague);
    }
}
