using System.Text.RegularExpressions;
using Xunit;

namespace CityEServices.Architecture.Tests;

/// <summary>
/// Every service is laid out the one way docs/architecture.md describes, and speaks the one dialect:
/// problem details come from services/Web's <c>Problem</c>, never a service's own factory.
/// </summary>
public sealed partial class LayoutTests
{
    /// <summary>The top-level folders a service may have (docs/architecture.md, "Layout").</summary>
    public static readonly string[] Folders = ["Features", "Domain", "Data", "Consumers", "Clients", "Grpc", "Jobs", "Infrastructure"];

    [Theory]
    [MemberData(nameof(ServiceProjects.All), MemberType = typeof(ServiceProjects))]
    public void A_service_has_only_the_agreed_folders_and_its_use_cases_live_in_Features(string service)
    {
        var folders = Directory.GetDirectories(Path.GetDirectoryName(ServiceProjects.ProjectFile(service))!)
            .Select(Path.GetFileName)
            .Where(f => f is not ("bin" or "obj" or "Properties"))
            .ToList();

        var strangers = folders.Except(Folders).ToList();
        Assert.True(strangers.Count == 0, $"{service} has folders outside the layout: {string.Join(", ", strangers)}; use {string.Join(", ", Folders)}.");
        Assert.Contains("Features", folders);
        Assert.Contains("Data", folders);
    }

    /// <summary>
    /// Every service starts the one way (services/Web's CityServiceHost), so the middleware order that
    /// security depends on (scope checks before role checks) is written once. Identity is the exception:
    /// it issues the tokens the others validate, and refuses revoked ones itself.
    /// </summary>
    [Theory]
    [MemberData(nameof(ServiceProjects.All), MemberType = typeof(ServiceProjects))]
    public void A_service_starts_through_the_shared_host(string service)
    {
        var program = File.ReadAllText(Path.Combine(Path.GetDirectoryName(ServiceProjects.ProjectFile(service))!, "Program.cs"));
        if (service == "Identity")
        {
            Assert.Contains("app.UseScopeChecks();\napp.UseAuthorization();", program.ReplaceLineEndings("\n"), StringComparison.Ordinal);
            return;
        }

        Assert.True(
            program.Contains("await CityServiceHost.RunAsync<", StringComparison.Ordinal),
            $"{service}'s Program.cs does not start through await CityServiceHost.RunAsync<TDbContext>(…)");

        // The shared host owns the builder and the middleware: a Program.cs that builds its own can skip them.
        foreach (var own in new[] { "WebApplication.CreateBuilder", "builder.Build()", "app.UseAuthorization()", "app.UseAuthentication()" })
        {
            Assert.DoesNotContain(own, program, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(ServiceProjects.All), MemberType = typeof(ServiceProjects))]
    public void A_service_writes_problem_details_only_through_the_shared_factory(string service)
    {
        var offences = SourceFiles.Under("services", service)
            .SelectMany(file => LocalProblems(File.ReadAllText(file)).Select(found => $"{SourceFiles.Relative(file)}: {found}"))
            .ToList();

        Assert.True(offences.Count == 0, "Use CityEServices.Web.Problems (Problem.Invalid/Forbidden/NotFound/Conflict…, ToResult) instead:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void The_problem_check_sees_a_local_factory_when_there_is_one()
    {
        Assert.NotEmpty(LocalProblems("return TypedResults.Problem(statusCode: 409);"));
        Assert.NotEmpty(LocalProblems("internal static class ApiResults { }"));
        Assert.NotEmpty(LocalProblems("var p = new ProblemDetails { Status = 400 };"));
        Assert.Empty(LocalProblems("return Problem.Conflict(Reasons.Taken, \"Taken.\", detail).ToResult();"));
    }

    public static IEnumerable<string> LocalProblems(string source) =>
        LocalProblemPattern().Matches(source).Select(m => m.Value);

    [GeneratedRegex(@"\b(TypedResults|Results)\.(Problem|ValidationProblem)\(|new\s+(Http)?(Validation)?ProblemDetails\b|\bclass\s+\w*(ApiResults|ProblemFactory)\b")]
    private static partial Regex LocalProblemPattern();
}
