using System.Text.RegularExpressions;
using Xunit;

namespace CityEServices.Architecture.Tests;

/// <summary>
/// Use cases are registered one way: by services/Web's convention (<c>AddUseCases(assembly)</c>), so a
/// service's Extensions.cs lists only what is not a use case and no registration can be forgotten.
/// </summary>
public sealed partial class UseCaseRegistrationTests
{
    [Theory]
    [MemberData(nameof(ServiceProjects.All), MemberType = typeof(ServiceProjects))]
    public void A_service_registers_its_use_cases_by_the_convention_and_not_one_by_one(string service)
    {
        var folder = Path.GetDirectoryName(ServiceProjects.ProjectFile(service))!;
        var useCases = Directory.EnumerateFiles(Path.Combine(folder, "Features"), "*.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .Where(source => HandleMethod().IsMatch(source))
            .SelectMany(source => ClassName().Matches(source).Select(m => m.Groups[1].Value))
            .ToHashSet();
        var extensions = File.ReadAllText(Path.Combine(folder, "Extensions.cs"));

        Assert.NotEmpty(useCases);
        Assert.Contains("AddUseCases(typeof(Extensions).Assembly)", extensions, StringComparison.Ordinal);
        var listed = Registration().Matches(extensions).Select(m => m.Groups[1].Value).Where(useCases.Contains).ToList();
        Assert.True(listed.Count == 0, $"{service}'s Extensions.cs registers use cases one by one: {string.Join(", ", listed)}; the convention registers them.");
    }

    [GeneratedRegex(@"\bpublic\b[^;{=(]*\bHandle(Async)?\(")]
    private static partial Regex HandleMethod();

    [GeneratedRegex(@"public sealed class (\w+)")]
    private static partial Regex ClassName();

    [GeneratedRegex(@"\.Add(?:Scoped|Singleton|Transient)<(\w+)>\(\)")]
    private static partial Regex Registration();
}
