namespace CityEServices.UrbanPlanning.Features.Me;

/// <summary>The signed-in citizen's own files and requests (citizen-otp tokens only; role citizen).</summary>
public static class MeApi
{
    public const string Path = "/api/me";

    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder app)
    {
        var me = app.MapGroup(Path).WithTags("Citizen").RequireAuthorization(p => p.RequireRole(Roles.Citizen));
        me.MapGet("/files", ListFilesAsync).WithName("ListMyFiles")
            .WithSummary("The files the signed-in citizen holds, newest first, with their requests in brief; paged.");
        me.MapGet("/requests/{requestId:guid}", GetRequestAsync).WithName("GetMyRequest")
            .WithSummary("A request of one of the citizen's files: status, missing document categories, timeline; 404 for anyone else's.");
        return app;
    }

    public static async Task<Results<Ok<Page<MyFileResponse>>, ProblemHttpResult>> ListFilesAsync(
        string? page, string? pageSize, Caller caller, ListMyFiles listMyFiles, CancellationToken cancellationToken) =>
        (await listMyFiles.HandleAsync(page, pageSize, caller, cancellationToken)).ToOk();

    public static async Task<Results<Ok<MyRequestResponse>, ProblemHttpResult>> GetRequestAsync(
        Guid requestId, Caller caller, GetMyRequest getMyRequest, CancellationToken cancellationToken) =>
        (await getMyRequest.HandleAsync(requestId, caller, cancellationToken)).ToOk();
}
