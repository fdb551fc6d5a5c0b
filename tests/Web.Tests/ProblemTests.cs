using System.Text.Json;
using CityEServices.Web.Problems;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CityEServices.Web.Tests;

public class ProblemTests
{
    [Fact]
    public async Task A_refusal_reads_as_problem_details_with_its_reason()
    {
        var json = await WriteAsync(Problem.Forbidden("OfficeSuspended", "Office S01A is suspended.").ToResult());

        Assert.Equal(403, json.GetProperty("status").GetInt32());
        Assert.Equal("OfficeSuspended", json.GetProperty("reason").GetString());
        Assert.Equal("Office S01A is suspended.", json.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_conflict_carries_its_reason_and_extra_members()
    {
        var problem = Problem.Conflict("FileAlreadyOpen", "The property already has a file.", "Add requests to it.").With("fileNumber", "22000000017");

        var json = await WriteAsync(problem.ToResult());

        Assert.Equal(409, json.GetProperty("status").GetInt32());
        Assert.Equal("FileAlreadyOpen", json.GetProperty("reason").GetString());
        Assert.Equal("22000000017", json.GetProperty("fileNumber").GetString());
    }

    [Fact]
    public async Task Field_errors_are_a_validation_problem()
    {
        var errors = new ValidationErrors();
        errors.Add("owners[1].nationalId", "National ID check digit is wrong.");

        var json = await WriteAsync(Problem.Invalid(errors).ToResult());

        Assert.Equal(400, json.GetProperty("status").GetInt32());
        Assert.Equal(Problem.ValidationTitle, json.GetProperty("title").GetString());
        Assert.Equal("National ID check digit is wrong.", json.GetProperty("errors").GetProperty("owners[1].nationalId")[0].GetString());
    }

    [Fact]
    public void An_outcome_is_its_value_or_its_problem()
    {
        Outcome<int> ok = 42;
        Outcome<int> refused = Problem.NotFound("File not found.", "There is no file 22000000017.");

        Assert.True(ok.Succeeded);
        Assert.Equal(43, ok.Then(v => v + 1).Value);
        Assert.False(refused.Succeeded);
        Assert.Equal(404, refused.Then(v => v + 1).Problem!.Status);
        Assert.Throws<InvalidOperationException>(() => refused.Value);
    }

    [Fact]
    public async Task Endpoints_answer_201_with_the_location_or_the_problem()
    {
        Outcome<string> created = "S01A";
        Outcome<string> refused = Problem.Conflict("OfficeExists", "Office already exists.", "S01A exists.");

        var context = await ExecuteAsync(created.ToCreated(code => $"/api/offices/{code}").Result);
        Assert.Equal(201, context.Response.StatusCode);
        Assert.Equal("/api/offices/S01A", context.Response.Headers.Location.ToString());

        context = await ExecuteAsync(refused.ToCreated(code => $"/api/offices/{code}").Result);
        Assert.Equal(409, context.Response.StatusCode);
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
    }

    private static async Task<JsonElement> WriteAsync(IResult result)
    {
        var context = await ExecuteAsync(result);
        context.Response.Body.Position = 0;
        return await JsonSerializer.DeserializeAsync<JsonElement>(context.Response.Body);
    }

    private static async Task<DefaultHttpContext> ExecuteAsync(IResult result)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(NullLoggerFactory.Instance).AddProblemDetails();
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        return context;
    }
}
