namespace CityEServices.Identity.Features.Citizens;

/// <summary>Citizens sign in with a code texted to their mobile; see <see cref="IssueSignInCode"/> and the citizen-otp grant.</summary>
public static class CitizensApi
{
    public const string SignInCodesPath = "/api/identity/citizens/sign-in-codes";

    public static IEndpointRouteBuilder MapCitizensApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(SignInCodesPath, RequestCodeAsync).AllowAnonymous().WithTags("Citizens").WithName("RequestSignInCode")
            .WithSummary("Texts a one-time sign-in code to the mobile on file for the national ID; 202 whether or not there is one.");
        return app;
    }

    public static async Task<Results<Accepted<SignInCodeAccepted>, ProblemHttpResult>> RequestCodeAsync(
        SignInCodeRequest? body, IssueSignInCode issue, HttpContext context, CancellationToken cancellationToken)
    {
        var outcome = await issue.HandleAsync(body, cancellationToken);
        if (outcome.Problem is { } problem && problem.Extensions.TryGetValue("retryAfterSeconds", out var seconds))
        {
            context.Response.Headers.RetryAfter = Convert.ToString(seconds, System.Globalization.CultureInfo.InvariantCulture);
        }

        context.Response.Headers.CacheControl = "no-store";
        return outcome.Problem is { } refused ? refused.ToResult() : TypedResults.Accepted((string?)null, outcome.Value);
    }
}
